import {
  CLOSURE_REASONS,
  FIELDS_OF_ACTION,
  type ClosureReason,
  type FieldOfAction,
} from '@wegweiser/shared/contracts';
import {
  ORIGIN_REGIONS,
  ORIGIN_REGION_LABELS_DE,
} from '../metrics/origin-region';
import type { Breakdown } from '../metrics/evaluation-metrics.sql';
import type {
  MeasureKey,
  SoftRatingChange,
} from '../metrics/evaluation-metrics.types';

/** German labels of everything the report prints (the report is German only). */

export const TOTAL_LABEL = 'Insgesamt';
export const COHORT_HEADING = 'Kohorte';

/** Every outcome measure, in the order the report shows them. */
export const REPORT_MEASURES: readonly MeasureKey[] = [
  'b1',
  'employment',
  'employmentSocialInsurance',
  'employmentMiniJob',
  'employmentSelfEmployed',
  'employmentFullTime',
  'employmentPartTime',
  'employmentMatchingQualification',
  'apprenticeship',
  'studies',
];

export const MEASURE_LABELS: Record<MeasureKey, string> = {
  b1: 'Deutsch B1 oder höher',
  employment: 'Beschäftigung (jede Art)',
  employmentSocialInsurance: 'Sozialversicherungspflichtige Beschäftigung',
  employmentMiniJob: 'Minijob',
  employmentSelfEmployed: 'Selbstständige Tätigkeit',
  employmentFullTime: 'Beschäftigung in Vollzeit',
  employmentPartTime: 'Beschäftigung in Teilzeit',
  employmentMatchingQualification: 'Beschäftigung passend zur Qualifikation',
  apprenticeship: 'Ausbildung',
  studies: 'Studium',
};

/**
 * When a measure was first reached, in mutually exclusive intervals of whole months since support start, so that
 * the columns add up to those who reached it within 36 months. (Not to the cohort size: then a rare outcome's
 * table would force the cohort sizes into suppression across the whole report.)
 */
export const INTERVAL_KEYS = ['m0to11', 'm12to23', 'm24to35'] as const;
export type IntervalKey = (typeof INTERVAL_KEYS)[number];
export const INTERVAL_LABELS: Record<IntervalKey, string> = {
  m0to11: 'in den ersten 12 Monaten',
  m12to23: 'im 13. bis 24. Monat',
  m24to35: 'im 25. bis 36. Monat',
};

/**
 * The columns of an outcome count table (issue 19): every person of the group in exactly one column, so the row
 * total is the group size and the complement ("nicht innerhalb von 36 Monaten") is a cell of the LP audit.
 * `atStart` ("bei Beginn vorhanden": the outcome was there before support started) exists for the headline
 * measures only; for the employment kinds there is no at-start count, so such persons stay in `notWithin36`.
 */
export const OUTCOME_COLUMN_KEYS = [
  'atStart',
  ...INTERVAL_KEYS,
  'notWithin36',
] as const;
export type OutcomeColumnKey = (typeof OUTCOME_COLUMN_KEYS)[number];
export const OUTCOME_COLUMN_LABELS: Record<OutcomeColumnKey, string> = {
  atStart: 'bei Beginn vorhanden',
  ...INTERVAL_LABELS,
  notWithin36: 'nicht innerhalb von 36 Monaten',
};
/** The last column when fewer than k persons had the outcome at start (then folded in, see report-plan). */
export const NOT_REACHED_OR_AT_START_LABEL =
  'nicht innerhalb von 36 Monaten oder bei Beginn vorhanden';
/** The measures with an at-start count (`CohortOutcomes.atStart`). */
export const AT_START_MEASURES: readonly MeasureKey[] = [
  'b1',
  'employment',
  'apprenticeship',
  'studies',
];
/** The columns of a measure's outcome table, in print order. */
export function outcomeColumns(measure: MeasureKey): OutcomeColumnKey[] {
  return OUTCOME_COLUMN_KEYS.filter(
    (key) => key !== 'atStart' || AT_START_MEASURES.includes(measure),
  );
}
/** Printed instead of a share when the cohort cannot have been observed for the window yet. */
export const NOT_OBSERVABLE_TEXT = 'noch nicht beobachtbar';
/** Months of each share window (window i covers intervals 0..i). */
export const WINDOW_MONTHS = [12, 24, 36] as const;
/** The merged breakdown group of small groups (members listed in a footnote). */
export const OTHER_GROUP = { key: 'other', label: 'übrige' } as const;

/** Cumulative windows of the share tables; window i covers intervals 0..i. */
export const WINDOW_LABELS = [
  'innerhalb von 12 Monaten',
  'innerhalb von 24 Monaten',
  'innerhalb von 36 Monaten',
] as const;

export const FIELD_OF_ACTION_LABELS: Record<FieldOfAction, string> = {
  language: 'Sprache',
  work: 'Arbeit',
  apprenticeship: 'Ausbildung',
  education: 'Bildung/Studium',
  housing: 'Wohnen',
  health: 'Gesundheit',
  social_participation: 'Soziale Teilhabe',
  family: 'Familie/Kinderbetreuung',
  legal: 'Recht/Aufenthalt',
};
export const REPORT_FIELDS_OF_ACTION = FIELDS_OF_ACTION;

/** Goal states the report shows (the same as the metrics select). */
export const GOAL_STATE_LABELS = {
  achieved: 'erreicht',
  not_achieved: 'nicht erreicht',
  dropped: 'verworfen',
} as const;
export type ReportedGoalState = keyof typeof GOAL_STATE_LABELS;

export const CLOSURE_REASON_LABELS: Record<ClosureReason, string> = {
  goals_reached: 'Ziele erreicht',
  moved_away: 'verzogen',
  window_ended: 'Betreuungszeitraum beendet',
  no_contact: 'kein Kontakt',
  declined: 'weitere Betreuung abgelehnt',
  other: 'Sonstiges',
};
export const REPORT_CLOSURE_REASONS = CLOSURE_REASONS;

export type SoftFactorKey = SoftRatingChange['factor'];
export const SOFT_FACTOR_KEYS: readonly SoftFactorKey[] = [
  'health',
  'socialEnvironment',
  'employmentQuality',
];
export const SOFT_FACTOR_LABELS: Record<SoftFactorKey, string> = {
  health: 'Gesundheit',
  socialEnvironment: 'Soziales Umfeld',
  employmentQuality: 'Qualität der Beschäftigung',
};
export const SOFT_CHANGE_KEYS = ['improved', 'same', 'worse'] as const;
export const SOFT_CHANGE_LABELS: Record<
  (typeof SOFT_CHANGE_KEYS)[number],
  string
> = {
  improved: 'verbessert',
  same: 'unverändert',
  worse: 'verschlechtert',
};

/** A published group of a breakdown: one or more raw values merged under one label. */
export interface ReportGroup {
  readonly key: string;
  readonly label: string;
  readonly members: readonly string[];
  /** Only on the merged group "übrige": the labels of the groups it merges. */
  readonly mergedLabels?: readonly string[];
}

/** How a breakdown is printed: its heading and its groups (fixed, so the columns never depend on the data). */
export interface BreakdownScheme {
  readonly heading: string;
  /** Fixed groups in print order; `null`: the groups are the values found (municipality codes), sorted. */
  readonly groups: readonly ReportGroup[] | null;
}

/**
 * Small categories that would almost always be suppressed are merged: "unter 18" (not in the domain) with 18–24 as
 * "unter 25". Gender has two groups only: the metrics assign "divers" and "keine Angabe" at random to weiblich or
 * männlich, as official statistics do (metrics/published-gender.ts; footnote in report-notes.ts).
 */
export const BREAKDOWN_SCHEMES: Record<Breakdown, BreakdownScheme> = {
  gender: {
    heading: 'Geschlecht',
    groups: [
      { key: 'female', label: 'weiblich', members: ['female'] },
      { key: 'male', label: 'männlich', members: ['male'] },
    ],
  },
  ageBand: {
    heading: 'Altersgruppe bei Betreuungsbeginn',
    groups: [
      { key: 'under25', label: 'unter 25', members: ['under_18', '18_24'] },
      { key: '25_34', label: '25–34', members: ['25_34'] },
      { key: '35_44', label: '35–44', members: ['35_44'] },
      { key: '45_plus', label: '45 und älter', members: ['45_plus'] },
    ],
  },
  region: {
    heading: 'Herkunftsregion',
    groups: ORIGIN_REGIONS.map((region) => ({
      key: region,
      label: ORIGIN_REGION_LABELS_DE[region],
      members: [region],
    })),
  },
  municipality: { heading: 'Kommune', groups: null },
};
