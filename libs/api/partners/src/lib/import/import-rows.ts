import { UnprocessableEntityException } from '@nestjs/common';
import {
  LANGUAGE_CODE_PATTERN,
  PARTNER_FIELD_LIMITS,
  PARTNER_IMPORT_COLUMNS,
  PARTNER_IMPORT_ERROR_CODES,
  PARTNER_IMPORT_KIND_VALUES,
  PARTNER_PHONE_PATTERN,
  PartnerImportErrorResponse,
  PartnerImportField,
  PartnerImportProblem,
  PartnerKind,
} from '@wegweiser/shared/contracts';
import { firstForbiddenCharacter } from '@wegweiser/api/core';
import { isEmail, isURL } from 'class-validator';
import { ImportSheet } from './read-import-file';

/** What a valid row sets: only the fields whose cell is not empty (an empty cell changes nothing). */
export interface ImportedValues {
  name: string;
  kind?: PartnerKind;
  contactPerson?: string;
  email?: string;
  phone?: string;
  address?: string;
  website?: string;
  description?: string;
  languages?: string[];
  workingGroupIds?: string[];
}

export interface ImportedRow {
  line: number;
  values: ImportedValues;
}

export interface ValidatedSheet {
  rows: ImportedRow[];
  errors: PartnerImportErrorResponse[];
  ignoredColumns: string[];
}

const normalise = (header: string) => header.toLowerCase().replace(/[\s_-]/g, '');
const HEADER_FIELDS = new Map(Object.entries(PARTNER_IMPORT_COLUMNS).map(([field, header]) => [normalise(header), field as PartnerImportField]));
const KIND_VALUES = new Map(Object.entries(PARTNER_IMPORT_KIND_VALUES).map(([kind, label]) => [label.toLowerCase(), kind as PartnerKind]));
const TEXT_LIMITS: Partial<Record<PartnerImportField, number>> = {
  name: PARTNER_FIELD_LIMITS.name,
  contactPerson: PARTNER_FIELD_LIMITS.contactPerson,
  email: PARTNER_FIELD_LIMITS.email,
  address: PARTNER_FIELD_LIMITS.address,
  website: PARTNER_FIELD_LIMITS.website,
  description: PARTNER_FIELD_LIMITS.description,
};
/** The cells that keep line breaks (a textarea in the partner form); every other cell is single-line text. */
const MULTI_LINE_FIELDS: ReadonlySet<PartnerImportField> = new Set(['description']);
const list = (cell: string) =>
  cell
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean);

/** Column index → field, by the German headers (case, spaces and hyphens do not matter); `Name` is required. */
export function mapHeaders(header: readonly string[]): { columns: Map<number, PartnerImportField>; ignoredColumns: string[] } {
  const columns = new Map<number, PartnerImportField>();
  const ignoredColumns: string[] = [];
  header.forEach((title, index) => {
    const field = HEADER_FIELDS.get(normalise(title));
    if (field && ![...columns.values()].includes(field)) columns.set(index, field);
    else if (title) ignoredColumns.push(title);
  });
  if (![...columns.values()].includes('name')) {
    throw new UnprocessableEntityException({ code: PARTNER_IMPORT_ERROR_CODES.importNameColumnMissing, message: `The file has no column "${PARTNER_IMPORT_COLUMNS.name}".` });
  }
  return { columns, ignoredColumns };
}

/** One cell into `values`, or the problem with it. */
function readCell(field: PartnerImportField, cell: string, values: ImportedValues, groups: ReadonlyMap<string, string>): PartnerImportProblem[] {
  const character = firstForbiddenCharacter(cell, MULTI_LINE_FIELDS.has(field));
  if (character) return [{ code: 'forbiddenCharacters', field, value: character }];
  const limit = TEXT_LIMITS[field];
  if (limit !== undefined && cell.length > limit) return [{ code: 'tooLong', field }];
  switch (field) {
    case 'name':
      values.name = cell;
      return [];
    case 'kind': {
      const kind = KIND_VALUES.get(cell.toLowerCase());
      if (!kind) return [{ code: 'kindUnknown', field }];
      values.kind = kind;
      return [];
    }
    case 'email':
      if (!isEmail(cell)) return [{ code: 'emailInvalid', field }];
      values.email = cell;
      return [];
    case 'phone':
      if (!PARTNER_PHONE_PATTERN.test(cell)) return [{ code: 'phoneInvalid', field }];
      values.phone = cell;
      return [];
    case 'website': {
      const url = /^https?:\/\//i.test(cell) ? cell : `https://${cell}`;
      if (url.length > PARTNER_FIELD_LIMITS.website || !isURL(url, { protocols: ['https', 'http'], require_protocol: true })) return [{ code: 'websiteInvalid', field }];
      values.website = url;
      return [];
    }
    case 'languages': {
      const codes = [...new Set(list(cell).map((code) => code.toLowerCase()))];
      if (codes.length > PARTNER_FIELD_LIMITS.languages || codes.some((code) => !LANGUAGE_CODE_PATTERN.test(code))) return [{ code: 'languageInvalid', field }];
      values.languages = codes;
      return [];
    }
    case 'workingGroups': {
      const names = list(cell);
      const unknown = names.filter((name) => !groups.has(name.toLowerCase()));
      if (unknown.length) return unknown.map((value) => ({ code: 'workingGroupUnknown', field, value }));
      values.workingGroupIds = [...new Set(names.map((name) => groups.get(name.toLowerCase()) as string))];
      return [];
    }
    default:
      (values as unknown as Record<string, string>)[field] = cell;
      return [];
  }
}

/**
 * Validates the rows of a sheet (header = line 1; empty rows are skipped):
 * each row either becomes the values it sets or an error with its line and
 * every problem found. A name that an earlier row of the file has already
 * (regardless of case) makes the later row a `duplicateRow`.
 * `groups`: the municipality's working groups by lower-case name → id.
 */
export function validateSheet(sheet: ImportSheet, groups: ReadonlyMap<string, string>): ValidatedSheet {
  const [header = [], ...body] = sheet;
  const { columns, ignoredColumns } = mapHeaders(header);
  const rows: ImportedRow[] = [];
  const errors: PartnerImportErrorResponse[] = [];
  const firstLineOf = new Map<string, number>();
  body.forEach((cells, index) => {
    const line = index + 2;
    if (cells.every((cell) => cell === '')) return;
    const values: ImportedValues = { name: '' };
    const problems: PartnerImportProblem[] = [];
    for (const [column, field] of columns) {
      const cell = cells[column] ?? '';
      if (cell !== '') problems.push(...readCell(field, cell, values, groups));
    }
    const name = values.name || null;
    if (!values.name && !problems.some((p) => p.field === 'name')) problems.unshift({ code: 'nameMissing', field: 'name' });
    if (values.name) {
      const key = values.name.toLowerCase();
      const earlier = firstLineOf.get(key);
      if (earlier !== undefined) problems.unshift({ code: 'duplicateRow', field: 'name', duplicateOf: earlier });
      else firstLineOf.set(key, line);
    }
    if (problems.length) errors.push({ line, name, problems });
    else rows.push({ line, values });
  });
  return { rows, errors, ignoredColumns };
}
