import { CefrLevel, EmploymentKind } from '../domain/case-vocabulary';

/** `/api/clients/:clientId/outcomes` (GET, POST) and `.../:id` (PATCH). */
export const OUTCOMES_ROUTE = 'clients/:clientId/outcomes';
/** `/api/clients/:clientId/ratings` (GET, POST). */
export const SOFT_RATINGS_ROUTE = 'clients/:clientId/ratings';

/** The success criteria of the evaluation (Ergebnisse). */
export const OUTCOME_KINDS = ['b1', 'employment', 'apprenticeship', 'studies'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** "German B1 (or higher)". */
export const B1_OR_HIGHER = ['B1', 'B2', 'C1', 'C2'] as const satisfies readonly CefrLevel[];
export type B1OrHigher = (typeof B1_OR_HIGHER)[number];

/**
 * One outcome of a client. `achievedOn`: the day B1 was reached, or the day
 * employment, apprenticeship or studies started; `endedOn` when it ended
 * (never for B1). Details by kind: `level` and `certificate` for b1;
 * `employmentKind`, `fullTime`, `matchesQualification` for employment;
 * `description` (e.g. the occupation or subject) for any kind but b1.
 */
export interface OutcomeResponse {
  id: string;
  clientId: string;
  kind: OutcomeKind;
  achievedOn: string;
  endedOn: string | null;
  /** "Bei Beginn vorhanden": already there when the support started (the only case `achievedOn` may precede it). */
  presentAtStart: boolean;
  /** Apprenticeship / studies that ended: with the qualification (true) or broken off (false); null otherwise. */
  completed: boolean | null;
  level: B1OrHigher | null;
  certificate: string | null;
  employmentKind: EmploymentKind | null;
  fullTime: boolean | null;
  matchesQualification: boolean | null;
  description: string | null;
  version: number;
  createdAt: string;
}

/**
 * Detail fields of an outcome (which of them a kind needs or refuses: see `OutcomeResponse`).
 * Dates rules (422 `validationFailed`, see `OUTCOME_FIELD_CODES`): no date after today (Berlin); `achievedOn` before
 * the client's support start only with `presentAtStart`, and `presentAtStart` only up to the support start. They are
 * checked when an outcome is written (POST; PATCH when it sends `achievedOn` or `presentAtStart`): a later change of
 * the support start leaves stored outcomes as they are, and the evaluation reads any outcome dated before the start
 * as "bei Beginn vorhanden", whatever its flag.
 */
export interface OutcomeDetails {
  achievedOn: string;
  endedOn?: string | null;
  presentAtStart?: boolean;
  completed?: boolean | null;
  level?: B1OrHigher | null;
  certificate?: string | null;
  employmentKind?: EmploymentKind | null;
  fullTime?: boolean | null;
  matchesQualification?: boolean | null;
  description?: string | null;
}

export interface CreateOutcomeRequest extends OutcomeDetails {
  kind: OutcomeKind;
}

/** `PATCH`: the kind stays; only what is sent changes. */
export interface UpdateOutcomeRequest extends Partial<OutcomeDetails> {
  version: number;
}

/** Soft factors, 1 (poor) to 5 (good). */
export const SOFT_RATING_SCALE = { min: 1, max: 5 } as const;

/** A periodic soft rating; a series of them shows change over time. */
export interface SoftRatingResponse {
  id: string;
  clientId: string;
  ratedOn: string;
  health: number;
  socialEnvironment: number;
  /** Null while the client is not employed. */
  employmentQuality: number | null;
  ratedBy: string | null;
  createdAt: string;
}

export interface CreateSoftRatingRequest {
  ratedOn: string;
  health: number;
  socialEnvironment: number;
  employmentQuality?: number | null;
}

/** Field codes of outcome details that do not fit the kind or the dates (POST/PATCH 422, soft rating's `ratedOn` too). */
export const OUTCOME_FIELD_CODES = {
  /** The kind needs this detail (e.g. `employmentKind` for employment). */
  requiredForKind: 'requiredForKind',
  /** The kind has no such detail (e.g. `level` for employment, `endedOn` for b1). */
  notForKind: 'notForKind',
  /** `endedOn` before `achievedOn`. */
  endsBeforeStart: 'endsBeforeStart',
  /** A date after today (Berlin calendar day): `achievedOn`, `endedOn`, a rating's `ratedOn`. */
  inFuture: 'inFuture',
  /** `achievedOn` before the client's support start without `presentAtStart`. */
  beforeSupportStart: 'beforeSupportStart',
  /** `presentAtStart` with `achievedOn` after the client's support start. */
  afterSupportStart: 'afterSupportStart',
  /** `completed` without `endedOn` (an apprenticeship still running is neither completed nor broken off). */
  requiresEnd: 'requiresEnd',
} as const;

/** Error codes of recording outcomes (409). */
export const OUTCOME_ERROR_CODES = {
  /** The same outcome is already recorded: same kind on the same day (B1: and the same level). */
  outcomeExists: 'outcomeExists',
  /** Undo refused: the outcome, a goal it closed or the German level it set was changed since. */
  undoOutdated: 'undoOutdated',
} as const;

/** A language goal that recording a certificate closed as achieved. */
export interface ClosedGoalResponse {
  id: string;
  target: string;
  targetLevel: CefrLevel | null;
}

/** What recording a B1 (or higher) certificate changed besides the outcome itself. */
export interface OutcomeEffectsResponse {
  closedGoals: ClosedGoalResponse[];
  /** The German level before and after (null: German was not recorded before); null when the level stayed. */
  germanLevel: { from: CefrLevel | null; to: CefrLevel } | null;
}

/** `POST .../outcomes`: the outcome and what it changed (undo: `POST .../outcomes/:id/undo`). */
export interface OutcomeCreatedResponse extends OutcomeResponse {
  effects: OutcomeEffectsResponse;
}

/** `POST .../outcomes/:id/undo`: removes an outcome recorded by mistake and restores the goals and German level it changed. */
export interface UndoOutcomeRequest {
  version: number;
}

/** What the undo restored. */
export interface OutcomeUndoneResponse {
  restoredGoals: ClosedGoalResponse[];
  germanLevel: CefrLevel | null;
}
