import { ClosureReason, ConversationForm, FieldOfAction, GoalState } from '../domain/case-vocabulary';

/** Limits of a Verwendungsnachweis period (calendar dates, both inclusive). */
export const FUNDING_REPORT_LIMITS = {
  /** At most three years (a funding period); a longer request is refused with 400. */
  maxDays: 3 * 366,
  /** Periods start no earlier than this (no data before the system existed). */
  earliest: '2000-01-01',
} as const;

/** `GET /api/funding-report?from=YYYY-MM-DD&to=YYYY-MM-DD` (and `/xlsx`, `/pdf`): only the period, nothing personal. */
export interface FundingReportQuery {
  from: string;
  to: string;
}

/** A share: `numerator` of `denominator` (the client computes the percentage; `denominator` 0 = nothing to measure). */
export interface FundingShare {
  numerator: number;
  denominator: number;
}

/** Key of referrals whose partner belongs to no working group. */
export const FUNDING_NO_WORKING_GROUP = 'none';

/** The counts of one column (a manager, or the whole municipality). */
export interface FundingFigures {
  /** Support start in the period. */
  personsNew: number;
  /** Started before the period and not closed before it. */
  personsOngoing: number;
  /** Support closed in the period. */
  personsClosed: number;
  conversations: number;
  conversationsByForm: Record<ConversationForm, number>;
  /** Clients whose first plan version was agreed in the period. */
  plansAgreed: number;
  /** Clients with a later (updated) plan version agreed in the period. */
  plansUpdated: number;
  /** Goals of the clients counselled in the period, by field of action and their state at the period end. */
  goals: Record<FieldOfAction, Record<GoalState, number>>;
  /** Referrals sent in the period. */
  referrals: number;
  /** By working group id (a partner in several groups counts in each; `none` = in no group). */
  referralsByWorkingGroup: Record<string, number>;
  closuresByReason: Record<ClosureReason, number>;
}

/** The quality indicators the Rechnungshof asked for (Denkschrift 2022, Nr. 15). */
export interface FundingQuality {
  /** Of the clients counselled in the period who started at least 3 months before its end: plan agreed within 3 months of the start. */
  planWithinThreeMonths: FundingShare;
  /** Of the clients active at the period end: a plan version agreed in the 6 months up to the end. */
  planReviewedSixMonths: FundingShare;
  /** Per field: goals achieved of the goals closed (achieved, not achieved, dropped) in the period. */
  goalsAchieved: Record<FieldOfAction, FundingShare>;
}

/** One column of the report. */
export interface FundingReportColumn {
  /** The manager's account id; `null` for the municipality total and for clients without a responsible manager. */
  managerId: string | null;
  /** Display name; empty for the total. */
  name: string;
  kind: 'manager' | 'unassigned' | 'total';
  figures: FundingFigures;
  quality: FundingQuality;
}

export interface FundingWorkingGroup {
  id: string;
  name: string;
}

/** `GET /api/funding-report`: the Verwendungsnachweis of the signed-in administrator's municipality. */
export interface FundingReportResponse {
  from: string;
  to: string;
  municipalityName: string;
  /** Day of creation in Germany, `YYYY-MM-DD`. */
  createdOn: string;
  workingGroups: FundingWorkingGroup[];
  /** One per manager with clients in the period (by name), then "unassigned" if any. */
  managers: FundingReportColumn[];
  total: FundingReportColumn;
}

/** The download's German ASCII file name: `verwendungsnachweis-2025-Q1.xlsx`, `-2025.pdf` or `-2025-01-01-bis-2025-02-15.xlsx`. */
export function fundingReportFileName(from: string, to: string, extension: 'xlsx' | 'pdf'): string {
  return `verwendungsnachweis-${fundingPeriodLabel(from, to)}.${extension}`;
}

/** `2025-Q1` for a calendar quarter, `2025` for a calendar year, else `2025-01-01-bis-2025-02-15`. */
export function fundingPeriodLabel(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  if (fy === ty && fd === 1) {
    if (fm === 1 && tm === 12 && td === 31) return String(fy);
    const lastDay = new Date(Date.UTC(ty ?? 0, tm ?? 0, 0)).getUTCDate();
    if (fm !== undefined && (fm - 1) % 3 === 0 && tm === fm + 2 && td === lastDay) return `${fy}-Q${(fm - 1) / 3 + 1}`;
  }
  return `${from}-bis-${to}`;
}
