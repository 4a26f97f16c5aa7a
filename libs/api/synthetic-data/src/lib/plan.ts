import { FIELDS_OF_ACTION, type FieldOfAction, type GoalState, type ResidenceStatusCode } from '@wegweiser/shared/contracts';
import { addMonths, isoDate } from './dates';
import { GOALS_PER_CLIENT_RANGE, STEPS_PER_GOAL_RANGE, type SyntheticAverages } from './options';
import type { RecordedOutcomes } from './outcomes';
import { pickDistinct } from './qualifications';
import type { Rng } from './random';
import type { LatentOutcomes, SupportPeriod } from './support';
import * as texts from './texts/plan-texts';
import type { SyntheticGoal, SyntheticStep } from './types';

export interface PlanInput {
  period: SupportPeriod;
  latent: LatentOutcomes;
  recorded: RecordedOutcomes;
  ageAtStart: number;
  householdMembers: number;
  residenceStatus: ResidenceStatusCode;
  livesInFollowUpAccommodation: boolean;
}

export interface Plan {
  goals: SyntheticGoal[];
  /** Creation day of each goal (same order), for conversations to pick topics from. */
  createdDays: number[];
  /** Day the client moved into a private flat (a move-out goal achieved), if any. */
  movedOutOn: number | null;
}

const INSECURE_STATUSES: readonly ResidenceStatusCode[] = ['permission_to_reside', 'toleration', 'temporary_protection'];

/** A goal before it is settled: field, target and, for measured outcomes, the day it is reached. */
interface GoalDraft {
  field: FieldOfAction;
  target: string;
  /** True when the goal is achieved exactly when a measured outcome happens. */
  tied: boolean;
  achievedDay: number | null;
}

function fieldWeights(input: PlanInput): Record<FieldOfAction, number> {
  return {
    language: 0.2,
    work: 0.7,
    apprenticeship: input.ageAtStart < 30 ? 0.35 : 0.06,
    education: 0.15,
    housing: input.livesInFollowUpAccommodation ? 0.9 : 0.1,
    health: 0.4,
    social_participation: 0.5,
    family: input.householdMembers > 1 ? 0.6 : 0.08,
    legal: INSECURE_STATUSES.includes(input.residenceStatus) ? 0.6 : 0.15,
  };
}

/** Weighted sampling without replacement (Efraimidis-Spirakis keys). */
function chooseFields(rng: Rng, input: PlanInput, forced: FieldOfAction[], count: number): FieldOfAction[] {
  const weights = fieldWeights(input);
  const keyed = FIELDS_OF_ACTION.filter((f) => !forced.includes(f)).map((field) => ({
    field,
    key: Math.pow(rng.next(), 1 / weights[field]),
  }));
  keyed.sort((a, b) => b.key - a.key);
  return [...forced, ...keyed.slice(0, Math.max(0, count - forced.length)).map((k) => k.field)];
}

function draftGoal(rng: Rng, field: FieldOfAction, input: PlanInput): GoalDraft {
  const { latent, recorded } = input;
  switch (field) {
    case 'language':
      return { field, target: texts.B1_GOAL_TARGET, tied: true, achievedDay: recorded.b1 };
    case 'work':
      return { field, target: texts.workTarget(rng.pick(texts.JOB_AREAS)), tied: true, achievedDay: recorded.employment };
    case 'apprenticeship':
      return { field, target: texts.apprenticeshipTarget(rng.pick(texts.APPRENTICESHIPS)), tied: true, achievedDay: recorded.apprenticeship };
    case 'education':
      return latent.studies !== null
        ? { field, target: texts.studiesTarget(rng.pick(texts.STUDY_SUBJECTS)), tied: true, achievedDay: recorded.studies }
        : { field, target: rng.pick(texts.OTHER_TARGETS.education), tied: false, achievedDay: null };
    case 'housing':
      return input.livesInFollowUpAccommodation
        ? { field, target: texts.MOVE_OUT_GOAL_TARGET, tied: false, achievedDay: null }
        : { field, target: rng.pick(texts.OTHER_TARGETS.housing), tied: false, achievedDay: null };
    default:
      return { field, target: rng.pick(texts.OTHER_TARGETS[field]), tied: false, achievedDay: null };
  }
}

function between(rng: Rng, from: number, to: number): number {
  return to <= from ? from : from + Math.floor(rng.next() * (to - from + 1));
}

function settle(rng: Rng, draft: GoalDraft, created: number, due: number, period: SupportPeriod): [GoalState, number | null] {
  const end = period.activityEnd;
  if (draft.achievedDay !== null) return ['achieved', draft.achievedDay];
  const u = rng.next();
  let state: GoalState;
  if (draft.tied) {
    state = due <= end ? (u < 0.5 ? 'in_progress' : u < 0.8 ? 'not_achieved' : 'dropped') : u < 0.7 ? 'in_progress' : 'open';
  } else if (due <= end) {
    state = u < 0.55 ? 'achieved' : u < 0.7 ? 'not_achieved' : u < 0.8 ? 'dropped' : 'in_progress';
  } else {
    state = u < 0.15 ? 'achieved' : u < 0.7 ? 'in_progress' : 'open';
  }
  if (period.state === 'closed' && (state === 'open' || state === 'in_progress')) {
    const reason = period.closureReason;
    if (reason === 'goals_reached' && !draft.tied) state = 'achieved';
    else state = reason === 'window_ended' || reason === 'no_contact' ? 'not_achieved' : 'dropped';
  }
  return state === 'achieved' ? [state, between(rng, created, Math.min(due, end))] : [state, null];
}

function drawSteps(rng: Rng, field: FieldOfAction, created: number, due: number, state: GoalState, achievedOn: number | null, end: number, averages: SyntheticAverages): SyntheticStep[] {
  const extra = STEPS_PER_GOAL_RANGE.max - STEPS_PER_GOAL_RANGE.min;
  const count = STEPS_PER_GOAL_RANGE.min + rng.binomial(extra, (averages.stepsPerGoal - STEPS_PER_GOAL_RANGE.min) / extra);
  const templates = pickDistinct(rng, texts.STEP_TEMPLATES[field], count);
  return templates.map(([assignee, description], i) => {
    const dueOn = created + Math.round(((i + 1) / (templates.length + 1)) * (due - created));
    const lastPossible = Math.min(achievedOn ?? end, end);
    const doneChance = state === 'open' ? 0 : state === 'in_progress' ? 0.6 : 0.3;
    const done = state === 'achieved' || (lastPossible >= created && dueOn - 30 <= lastPossible && rng.chance(doneChance));
    return {
      id: rng.uuid(),
      description,
      assignee,
      dueOn: isoDate(dueOn),
      doneOn: done ? isoDate(between(rng, Math.max(created, Math.min(dueOn - 30, lastPossible)), Math.min(dueOn + 14, lastPossible))) : null,
    };
  });
}

/**
 * Goals of the integration plan: language always, the outcome goals the
 * client reaches (work, apprenticeship, studies) always, the rest weighted by
 * the client's situation. Outcome goals are achieved exactly on the outcome date.
 */
export function drawPlan(rng: Rng, input: PlanInput, averages: SyntheticAverages): Plan {
  const { min, max } = GOALS_PER_CLIENT_RANGE;
  const count = min + rng.binomial(max - min, (averages.goalsPerClient - min) / (max - min));
  const { latent, period } = input;
  const forced: FieldOfAction[] = ['language'];
  if (latent.employment !== null) forced.push('work');
  if (latent.apprenticeship !== null) forced.push('apprenticeship');
  if (latent.studies !== null) forced.push('education');
  const fields = chooseFields(rng, input, forced, count);
  const initialGoals = Math.max(forced.length, rng.int(3, 4));
  const span = period.activityEnd - period.start;
  let movedOutOn: number | null = null;
  const createdDays: number[] = [];

  const goals = fields.map((field, i): SyntheticGoal => {
    const draft = draftGoal(rng, field, input);
    let created = i < initialGoals ? period.start + Math.min(span, rng.int(0, 14)) : period.start + Math.floor(rng.next() * (span + 1));
    if (draft.achievedDay !== null) created = Math.min(created, draft.achievedDay);
    createdDays.push(created);
    const due = addMonths(created, field === 'language' ? rng.int(12, 30) : rng.int(3, 18));
    const [state, achievedOn] = settle(rng, draft, created, due, period);
    if (draft.target === texts.MOVE_OUT_GOAL_TARGET && achievedOn !== null) movedOutOn = achievedOn;
    return {
      id: rng.uuid(),
      fieldOfAction: field,
      target: draft.target,
      createdOn: isoDate(created),
      dueOn: isoDate(due),
      state,
      achievedOn: achievedOn === null ? null : isoDate(achievedOn),
      steps: drawSteps(rng, field, created, due, state, achievedOn, period.activityEnd, averages),
    };
  });
  return { goals, createdDays, movedOutOn };
}
