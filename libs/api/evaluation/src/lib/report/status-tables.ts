import type {
  EvaluationTableResponse,
  EvaluationTableRowResponse,
} from '@wegweiser/shared/contracts';
import {
  countFootnote,
  countTable,
  formatCount,
  type PublishedCountTable,
} from '../disclosure';
import type { CohortOutcomes } from '../metrics/evaluation-metrics.types';
import type { CohortGranularity } from '../metrics/metrics-query';
import { isObservable, germanDate } from './observation';
import {
  EMPLOYMENT_STATUS_KEYS,
  EMPLOYMENT_STATUS_LABELS,
  NOT_OBSERVABLE,
  notObservableFootnote,
  PLAN_STATUS_KEYS,
  PLAN_STATUS_LABELS,
  STATUS_NOTES,
  TRAINING_LABELS,
  TRAINING_STATUS_KEYS,
  TRAINING_STATUS_LABELS,
} from './outcome-texts';
import { InvalidReportMetricsError } from './report-cohorts';
import { entryKeysOf, entryScopes, quartersOf, type TableScope } from '../releases/figure-scope';
import { COHORT_HEADING, TOTAL_LABEL } from './report-labels';
import { NOTES } from './report-notes';
import type { PlannedCountTable } from './report-plan';

/**
 * Report-wide key of a cohort's size. It must equal the key `planReport` gives the cohort sizes (`cohortKey` in
 * report-plan.ts; a spec checks it), so that a status table's row totals are suppressed together with them.
 */
export const cohortSizeKey = (cohort: string) => `clients|cohort=${cohort}`;
/** Report-wide key of all persons of the period (the grand total of the cohort tables). */
export const ALL_CLIENTS_KEY = 'clients';

/** What the issue-19 tables are planned from: the period's cohorts, their totals and the observation day. */
export interface CohortInput {
  readonly cohorts: readonly string[];
  readonly byCohort: (cohort: string) => CohortOutcomes | undefined;
  readonly granularity: CohortGranularity;
  /** `YYYY-MM-DD`: the day the figures describe (`EvaluationMetrics.observedUntil`). */
  readonly observedUntil: string;
}

/**
 * A status table by cohort (exclusive categories, the cohort size as row total). Only cohorts observable for
 * `months` are counted: their rows form `counts`, which is audited with the report's linked count tables (under
 * the same id; row totals carry the cohort-size keys). The other cohorts print "noch nicht beobachtbar" and are
 * left out of "Insgesamt".
 */
export interface PlannedStatusTable {
  readonly kind: 'status';
  readonly id: string;
  readonly title: string;
  readonly rowHeading: string;
  readonly columnLabels: readonly string[];
  readonly months: number;
  /** The audited part (observable cohorts only); null when no cohort is observable yet. */
  readonly counts: PlannedCountTable | null;
  /** Every cohort of the period in print order. */
  readonly rows: readonly { readonly label: string; readonly observable: boolean }[];
  readonly observedUntil: string;
  readonly footnotes: readonly string[];
}

/** Ids of the status tables (the key figures read them). */
export const STATUS_TABLE_IDS = {
  employment: (months: 12 | 24 | 36) => `status.employment.month${months}`,
  training: (kind: 'apprenticeship' | 'studies') => `status.${kind}.month36`,
  plans: 'plans.agreed',
} as const;

/** What a status table counts per cohort: its id, the raw category keys (ledger columns) and the counts in that order. */
export interface StatusCounts {
  readonly id: string;
  readonly columnKeys: readonly string[];
  readonly cells: (row: CohortOutcomes) => number[];
}

const employmentCounts = (months: 12 | 24 | 36): StatusCounts => ({
  id: STATUS_TABLE_IDS.employment(months),
  columnKeys: EMPLOYMENT_STATUS_KEYS,
  cells: (row) => EMPLOYMENT_STATUS_KEYS.map((key) => row.employedAt[`month${months}`][key]),
});

const trainingCounts = (kind: 'apprenticeship' | 'studies'): StatusCounts => ({
  id: STATUS_TABLE_IDS.training(kind),
  columnKeys: TRAINING_STATUS_KEYS,
  cells: (row) => TRAINING_STATUS_KEYS.map((key) => row.trainingAt36[kind][key]),
});

const planCounts: StatusCounts = {
  id: STATUS_TABLE_IDS.plans,
  columnKeys: PLAN_STATUS_KEYS,
  cells: ({ plans, clients }) => {
    const { agreed, agreedWithin3Months: within } = plans;
    if (within > agreed || agreed > clients) throw new InvalidReportMetricsError('plans exceed the cohort');
    return [within, agreed - within, clients - agreed];
  },
};

/** Every status table's counts (the release ledger's truth reads the same cells the tables print). */
export const STATUS_COUNTS: readonly StatusCounts[] = [
  employmentCounts(12),
  employmentCounts(24),
  employmentCounts(36),
  trainingCounts('apprenticeship'),
  trainingCounts('studies'),
  planCounts,
];

/** Employment status at month 12, 24 or 36: cohort × {sozialversicherungspflichtig, selbständig, Minijob, nicht beschäftigt}. */
export function employmentStatusTable(months: 12 | 24 | 36, input: CohortInput): PlannedStatusTable {
  return statusTable(input, {
    ...employmentCounts(months),
    title: `In Beschäftigung nach ${months} Monaten, nach Art der Beschäftigung`,
    months,
    columnLabels: EMPLOYMENT_STATUS_KEYS.map((key) => EMPLOYMENT_STATUS_LABELS[key]),
    footnotes: [NOTES.cohort, STATUS_NOTES.employment],
  });
}

/** Apprenticeship or studies at month 36: cohort × {abgeschlossen, laufend, abgebrochen, nicht begonnen}. */
export function trainingStatusTable(kind: 'apprenticeship' | 'studies', input: CohortInput): PlannedStatusTable {
  return statusTable(input, {
    ...trainingCounts(kind),
    title: `${TRAINING_LABELS[kind]}: Stand nach 36 Monaten`,
    months: 36,
    columnLabels: TRAINING_STATUS_KEYS.map((key) => TRAINING_STATUS_LABELS[key]),
    footnotes: [NOTES.cohort, STATUS_NOTES.training],
  });
}

/**
 * Integration plans: cohort × {innerhalb von 3 Monaten vereinbart, später vereinbart, (noch) kein Plan}, so that
 * "agreed" and "agreed within 3 months" are published as one audited table with the cohort size as margin.
 * Cohorts not yet observable for 3 months are pending (their "within 3 months" is not final).
 */
export function plansTable(input: CohortInput): PlannedStatusTable {
  return statusTable(input, {
    ...planCounts,
    title: 'Vereinbarte Integrationspläne',
    months: 3,
    columnLabels: PLAN_STATUS_KEYS.map((key) => PLAN_STATUS_LABELS[key]),
    footnotes: [NOTES.cohort, STATUS_NOTES.plans],
  });
}

/** The release-ledger family of a status table: its categories add up to the cohort size (linked like an outcome). */
export const statusFamily = (id: string) => `status:${id}:all`;

/**
 * The ledger scope of a status table's audited part: one row per observable cohort (its quarters), the raw category
 * keys as columns — so a quarter's and a year's table of the same status are audited together across releases.
 */
function statusScope(id: string, cohorts: readonly string[], columns: readonly string[]): TableScope {
  return {
    family: statusFamily(id),
    quarters: cohorts.flatMap(quartersOf),
    rows: ['*'],
    columns,
    rowAxis: cohorts.map((cohort) => ({ quarters: quartersOf(cohort) })),
    columnAxis: columns.map((column) => ({ columns: [column] })),
  };
}

/** The section "Stand nach 12, 24 und 36 Monaten": employment at 12/24/36, apprenticeship and studies at 36. */
export function statusTables(input: CohortInput): PlannedStatusTable[] {
  return [
    employmentStatusTable(12, input),
    employmentStatusTable(24, input),
    employmentStatusTable(36, input),
    trainingStatusTable('apprenticeship', input),
    trainingStatusTable('studies', input),
  ];
}

function statusTable(
  input: CohortInput,
  spec: {
    id: string;
    title: string;
    months: number;
    columnLabels: string[];
    /** Raw column members (the ledger's columns of the family `status:<id>:all`). */
    columnKeys: readonly string[];
    cells: (row: CohortOutcomes) => number[];
    footnotes: string[];
  },
): PlannedStatusTable {
  const rows = input.cohorts.map((label) => ({
    label,
    observable: isObservable(label, input.granularity, spec.months, input.observedUntil),
  }));
  const observable = rows.filter((r) => r.observable).map((r) => r.label);
  const cells = observable.map((cohort) => {
    const row = input.byCohort(cohort);
    if (!row) return spec.columnLabels.map(() => 0);
    const values = spec.cells(row);
    if (values.reduce((sum, v) => sum + v, 0) !== row.clients)
      throw new InvalidReportMetricsError(`${spec.id}: categories do not add up to the cohort`);
    return values;
  });
  const scope = statusScope(spec.id, observable, spec.columnKeys);
  const counts: PlannedCountTable | null =
    observable.length === 0
      ? null
      : {
          kind: 'count',
          id: spec.id,
          title: spec.title,
          rowHeading: COHORT_HEADING,
          table: {
            ...countTable(observable, spec.columnLabels, cells, {
              rowTotals: observable.map(cohortSizeKey),
              grandTotal:
                observable.length === input.cohorts.length
                  ? ALL_CLIENTS_KEY
                  : `${ALL_CLIENTS_KEY}|cohorts=${observable.join(',')}`,
            }),
            entryKeys: entryKeysOf(entryScopes(scope)),
          },
          withTotals: true,
          footnotes: spec.footnotes,
          scope,
        };
  return {
    kind: 'status',
    id: spec.id,
    title: spec.title,
    rowHeading: COHORT_HEADING,
    columnLabels: spec.columnLabels,
    months: spec.months,
    counts,
    rows,
    observedUntil: input.observedUntil,
    footnotes: spec.footnotes,
  };
}

/**
 * The response of a status table from its audited part as published (`published` = the suppressed `counts`; null
 * when there are none): observable cohorts with their counts, pending ones with "noch nicht beobachtbar" in every
 * column, then "Insgesamt" over the observable cohorts.
 *
 * With pending cohorts, "Insgesamt" (and the sum of its column totals) is the size of the observable cohorts
 * together — a figure no other table has: with the period total and the other published sizes it would give away
 * a hidden size of a pending cohort (sizes 60 + 45 here, 158 in all and 50 printed → the hidden third cohort is 3).
 * So the row is printed only where that sum follows from published sizes anyway (every observable cohort's size
 * printed here, or the period total and every pending cohort's size printed in the report; `isKeyShown` tells
 * whether a report-wide key is published); else it is "·" throughout. Hiding more than the audit asked for is safe.
 */
export function statusResponse(
  plan: PlannedStatusTable,
  published: PublishedCountTable | null,
  k: number,
  isKeyShown: (key: string) => boolean = () => false,
): EvaluationTableResponse {
  if ((plan.counts === null) !== (published === null))
    throw new InvalidReportMetricsError(`published part of ${plan.id}`);
  const width = plan.columnLabels.length + 1;
  const pending = (label: string): EvaluationTableRowResponse => ({
    label,
    values: new Array<number | null>(width).fill(null),
    text: new Array<string>(width).fill(NOT_OBSERVABLE),
  });
  const counted = (label: string, values: (number | null)[]): EvaluationTableRowResponse => ({
    label,
    values,
    text: values.map(formatCount),
  });
  const rows = plan.rows.map(({ label, observable }) => {
    if (!observable || !published) return pending(label);
    const r = published.rowLabels.indexOf(label);
    if (r < 0) throw new InvalidReportMetricsError(`row ${label} of ${plan.id}`);
    return counted(label, [...published.cells[r], published.rowTotals[r]]);
  });
  const anyPending = plan.rows.some((r) => !r.observable);
  const sumKnown =
    !anyPending ||
    (published !== null && published.rowTotals.every((v) => v !== null)) ||
    (isKeyShown(ALL_CLIENTS_KEY) &&
      plan.rows.filter((r) => !r.observable).every((r) => isKeyShown(cohortSizeKey(r.label))));
  const total = !published
    ? pending(TOTAL_LABEL)
    : sumKnown
      ? counted(TOTAL_LABEL, [...published.columnTotals, published.grandTotal])
      : counted(TOTAL_LABEL, new Array<number | null>(width).fill(null));
  return {
    id: plan.id,
    kind: 'count',
    title: plan.title,
    rowHeading: plan.rowHeading,
    columnLabels: [...plan.columnLabels, TOTAL_LABEL],
    rows: [...rows, total],
    withTotals: true,
    footnotes: [
      countFootnote('de', k),
      ...plan.footnotes,
      ...(anyPending ? [notObservableFootnote(plan.months, germanDate(plan.observedUntil))] : []),
    ],
  };
}
