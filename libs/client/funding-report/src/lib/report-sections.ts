import {
  CLOSURE_REASONS,
  CONVERSATION_FORMS,
  FIELDS_OF_ACTION,
  FUNDING_NO_WORKING_GROUP,
  FundingFigures,
  FundingQuality,
  FundingReportResponse,
  FundingShare,
  GOAL_STATES,
} from '@wegweiser/shared/contracts';

/** A row of a screen table: a translation key (with parameters) and a value per column (managers, then the total). */
export interface ScreenRow<T = number> {
  key: string;
  params?: Record<string, string>;
  values: T[];
}

export interface ScreenSection {
  /** Translation key of the table's caption. */
  key: string;
  rows: ScreenRow[];
}

const total = (f: FundingFigures, field: (typeof FIELDS_OF_ACTION)[number]) => GOAL_STATES.reduce((sum, s) => sum + f.goals[field][s], 0);

/** The figures as tables (one per section), columns = managers + total, in the order of the state's template. */
export function reportSections(report: FundingReportResponse): ScreenSection[] {
  const columns = [...report.managers, report.total].map((c) => c.figures);
  const row = (key: string, value: (f: FundingFigures) => number, params?: Record<string, string>): ScreenRow => ({ key, params, values: columns.map(value) });
  return [
    {
      key: 'sections.persons',
      rows: [row('rows.personsTotal', (f) => f.personsNew + f.personsOngoing), row('rows.personsNew', (f) => f.personsNew), row('rows.personsOngoing', (f) => f.personsOngoing), row('rows.personsClosed', (f) => f.personsClosed)],
    },
    {
      key: 'sections.conversations',
      rows: [row('rows.conversations', (f) => f.conversations), ...CONVERSATION_FORMS.map((form) => row(`forms.${form}`, (f) => f.conversationsByForm[form]))],
    },
    { key: 'sections.plans', rows: [row('rows.plansAgreed', (f) => f.plansAgreed), row('rows.plansUpdated', (f) => f.plansUpdated)] },
    {
      key: 'sections.goals',
      rows: FIELDS_OF_ACTION.flatMap((field) => [
        row(`fields.${field}`, (f) => total(f, field)),
        ...GOAL_STATES.map((state) => row(`states.${state}`, (f) => f.goals[field][state], { field })),
      ]),
    },
    {
      key: 'sections.referrals',
      rows: [
        row('rows.referrals', (f) => f.referrals),
        ...report.workingGroups.map((g) => row('rows.workingGroup', (f) => f.referralsByWorkingGroup[g.id] ?? 0, { name: g.name })),
        row('rows.noWorkingGroup', (f) => f.referralsByWorkingGroup[FUNDING_NO_WORKING_GROUP] ?? 0),
      ],
    },
    { key: 'sections.closures', rows: CLOSURE_REASONS.map((reason) => row(`reasons.${reason}`, (f) => f.closuresByReason[reason])) },
  ];
}

/** The quality indicators, a share per column. */
export function qualityRows(report: FundingReportResponse): ScreenRow<FundingShare>[] {
  const columns = [...report.managers, report.total].map((c) => c.quality);
  const row = (key: string, value: (q: FundingQuality) => FundingShare, params?: Record<string, string>): ScreenRow<FundingShare> => ({ key, params, values: columns.map(value) });
  return [
    row('quality.planWithinThreeMonths', (q) => q.planWithinThreeMonths),
    row('quality.planReviewedSixMonths', (q) => q.planReviewedSixMonths),
    ...FIELDS_OF_ACTION.map((field) => row('quality.goalsAchieved', (q) => q.goalsAchieved[field], { field })),
  ];
}

/** The share in whole per cent, or `null` when there is nothing to measure. */
export const percent = (share: FundingShare): number | null => (share.denominator ? Math.round((share.numerator / share.denominator) * 100) : null);
