import {
  CLOSURE_REASONS,
  CONVERSATION_FORMS,
  FIELDS_OF_ACTION,
  FieldOfAction,
  FundingFigures,
  FundingQuality,
  FundingReportColumn,
  FundingReportResponse,
  FundingShare,
  FundingWorkingGroup,
  GOAL_STATES,
  GoalState,
} from '@wegweiser/shared/contracts';
import { FundingCountRow } from './funding-report.sql';

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const share = (): FundingShare => ({ numerator: 0, denominator: 0 });

export function emptyFigures(): FundingFigures {
  return {
    personsNew: 0,
    personsOngoing: 0,
    personsClosed: 0,
    conversations: 0,
    conversationsByForm: zeros(CONVERSATION_FORMS),
    plansAgreed: 0,
    plansUpdated: 0,
    goals: Object.fromEntries(FIELDS_OF_ACTION.map((f) => [f, zeros(GOAL_STATES)])) as Record<FieldOfAction, Record<GoalState, number>>,
    referrals: 0,
    referralsByWorkingGroup: {},
    closuresByReason: zeros(CLOSURE_REASONS),
  };
}

export function emptyQuality(): FundingQuality {
  return {
    planWithinThreeMonths: share(),
    planReviewedSixMonths: share(),
    goalsAchieved: Object.fromEntries(FIELDS_OF_ACTION.map((f) => [f, share()])) as Record<FieldOfAction, FundingShare>,
  };
}

const has = <K extends string>(keys: readonly K[], key: string): key is K => (keys as readonly string[]).includes(key);

function addShare(target: FundingShare, key: string, n: number): void {
  target.denominator += n;
  if (key === 'yes') target.numerator += n;
}

/** Adds one aggregate row to a column's figures and quality (unknown keys are a programming error). */
export function addRow(figures: FundingFigures, quality: FundingQuality, row: Pick<FundingCountRow, 'indicator' | 'key' | 'n'>): void {
  const { key, n } = row;
  switch (row.indicator) {
    case 'persons':
      if (key === 'new') figures.personsNew += n;
      else if (key === 'ongoing') figures.personsOngoing += n;
      else figures.personsClosed += n;
      return;
    case 'conversations':
      figures.conversations += n;
      if (has(CONVERSATION_FORMS, key)) figures.conversationsByForm[key] += n;
      return;
    case 'plans':
      if (key === 'agreed') figures.plansAgreed += n;
      else figures.plansUpdated += n;
      return;
    case 'goals': {
      const [field, state] = key.split(':');
      if (field && state && has(FIELDS_OF_ACTION, field) && has(GOAL_STATES, state)) figures.goals[field][state] += n;
      return;
    }
    case 'referrals':
      figures.referrals += n;
      return;
    case 'referralGroups':
      figures.referralsByWorkingGroup[key] = (figures.referralsByWorkingGroup[key] ?? 0) + n;
      return;
    case 'closures':
      if (has(CLOSURE_REASONS, key)) figures.closuresByReason[key] += n;
      return;
    case 'planWithin3':
      addShare(quality.planWithinThreeMonths, key, n);
      return;
    case 'planReviewed6':
      addShare(quality.planReviewedSixMonths, key, n);
      return;
    case 'goalsClosed': {
      const [field, achieved] = key.split(':');
      if (field && achieved && has(FIELDS_OF_ACTION, field)) addShare(quality.goalsAchieved[field], achieved, n);
      return;
    }
  }
}

export interface FundingReportInput {
  from: string;
  to: string;
  createdOn: string;
  municipalityName: string;
  workingGroups: FundingWorkingGroup[];
  /** Managers with at least one count, in display order. */
  managers: { id: string; name: string }[];
  rows: FundingCountRow[];
}

/**
 * The response: a column per manager (in the given order), one for clients without a responsible manager if any
 * count falls there, and the total over the municipality (every client is in exactly one column, so it is the sum).
 */
export function toFundingReport(input: FundingReportInput): FundingReportResponse {
  const column = (managerId: string | null, name: string, kind: FundingReportColumn['kind']): FundingReportColumn => ({
    managerId,
    name,
    kind,
    figures: emptyFigures(),
    quality: emptyQuality(),
  });
  const byManager = new Map(input.managers.map((m) => [m.id, column(m.id, m.name, 'manager')]));
  const unassigned = column(null, '', 'unassigned');
  const total = column(null, '', 'total');
  for (const group of input.workingGroups) total.figures.referralsByWorkingGroup[group.id] = 0;
  for (const m of byManager.values()) Object.assign(m.figures.referralsByWorkingGroup, total.figures.referralsByWorkingGroup);
  Object.assign(unassigned.figures.referralsByWorkingGroup, total.figures.referralsByWorkingGroup);
  let anyUnassigned = false;
  for (const row of input.rows) {
    const target = row.manager_id ? byManager.get(row.manager_id) : undefined;
    if (!target) anyUnassigned = true;
    const own = target ?? unassigned;
    addRow(own.figures, own.quality, row);
    addRow(total.figures, total.quality, row);
  }
  return {
    from: input.from,
    to: input.to,
    municipalityName: input.municipalityName,
    createdOn: input.createdOn,
    workingGroups: input.workingGroups,
    managers: [...byManager.values(), ...(anyUnassigned ? [unassigned] : [])],
    total,
  };
}
