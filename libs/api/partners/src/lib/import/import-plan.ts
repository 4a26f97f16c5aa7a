import { PartnerImportAction, PartnerImportErrorResponse, PartnerImportField, PartnerImportPreviewResponse, PartnerKind } from '@wegweiser/shared/contracts';
import { createHash } from 'node:crypto';
import { ImportedRow, ImportedValues } from './import-rows';

/** A partner of the municipality as the import compares it. */
export interface ExistingPartner {
  id: string;
  version: number;
  name: string;
  kind: PartnerKind;
  contactPerson: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  website: string | null;
  description: string | null;
  languages: string[];
  workingGroupIds: string[];
}

export interface PlannedRow {
  line: number;
  action: PartnerImportAction;
  values: ImportedValues;
  /** `update`: the fields that change. */
  changes: PartnerImportField[];
  partner: ExistingPartner | null;
}

const FIELD_OF: Record<Exclude<keyof ImportedValues, 'workingGroupIds'>, PartnerImportField> & { workingGroupIds: PartnerImportField } = {
  name: 'name',
  kind: 'kind',
  contactPerson: 'contactPerson',
  email: 'email',
  phone: 'phone',
  address: 'address',
  website: 'website',
  description: 'description',
  languages: 'languages',
  workingGroupIds: 'workingGroups',
};
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** The fields a row would change on an existing partner (lists compare as sets). */
export function changedFields(values: ImportedValues, partner: ExistingPartner): PartnerImportField[] {
  const changes: PartnerImportField[] = [];
  for (const key of Object.keys(FIELD_OF) as (keyof ImportedValues)[]) {
    const value = values[key];
    if (value === undefined) continue;
    const current = partner[key];
    const differs = Array.isArray(value) ? !sameSet(value, current as string[]) : value !== current;
    if (differs) changes.push(FIELD_OF[key]);
  }
  return changes;
}

/** Each valid row against the partners of the municipality, matched by name regardless of case. */
export function planImport(rows: readonly ImportedRow[], existing: readonly ExistingPartner[]): PlannedRow[] {
  const byName = new Map(existing.map((p) => [p.name.toLowerCase(), p]));
  return rows.map(({ line, values }) => {
    const partner = byName.get(values.name.toLowerCase()) ?? null;
    if (!partner) return { line, action: 'create', values, changes: [], partner: null };
    const changes = changedFields(values, partner);
    return { line, action: changes.length ? 'update' : 'unchanged', values, changes, partner };
  });
}

/**
 * The preview of a plan; its token is a digest of everything the plan
 * rests on (the rows, the partners they change with their versions, the
 * errors), so a confirmation with the same file and an unchanged directory
 * recomputes the same token.
 */
export function toPreview(plan: readonly PlannedRow[], errors: PartnerImportErrorResponse[], ignoredColumns: string[]): PartnerImportPreviewResponse {
  const digest = createHash('sha256');
  digest.update(JSON.stringify({ plan: plan.map((row) => [row.line, row.action, row.values, row.partner?.id ?? null, row.partner?.version ?? null, row.partner?.workingGroupIds ?? null]), errors }));
  const count = (action: PartnerImportAction) => plan.filter((row) => row.action === action).length;
  return {
    token: digest.digest('base64url'),
    counts: { create: count('create'), update: count('update'), unchanged: count('unchanged'), invalid: errors.length },
    rows: plan.map((row) => ({ line: row.line, name: row.values.name, action: row.action, changes: row.changes, partnerId: row.partner?.id ?? null })),
    errors,
    ignoredColumns,
  };
}
