import { FieldOfAction, GoalState } from '../domain/case-vocabulary';

/** Limits and defaults of `GET /api/team/dashboard`. */
export const TEAM_DASHBOARD_LIMITS = {
  /** "No contact for more than N weeks": N when the query does not name it. */
  noContactWeeksDefault: 8,
  noContactWeeksMax: 104,
  /** Bars of the "windows ending" chart: the current month and the 11 after it. */
  windowMonths: 12,
  /** The figures are computed at most this often per team (older ones are computed again; `refresh` forces it). */
  maxAgeSeconds: 60,
} as const;

/** `GET /api/team/dashboard?noContactWeeks=8`. */
export interface TeamDashboardQuery {
  noContactWeeks?: number;
  /** Compute the figures now instead of answering with those of the last minute ("Aktualisieren"). */
  refresh?: boolean;
}

/** A manager of the team (or a former one who still has active clients) and the load. */
export interface ManagerLoadResponse {
  id: string;
  firstName: string;
  lastName: string;
  /** False: the account is deactivated (the clients need a new manager). */
  active: boolean;
  /** Clients in active support (state `active`) with this responsible manager. */
  activeClients: number;
}

/** Open cases (active or paused) whose support window ends in one calendar month. */
export interface WindowsEndingMonthResponse {
  /** `YYYY-MM`. */
  month: string;
  /** First day of the month (list filter `windowEndsAfter`, inclusive). */
  from: string;
  /** First day of the next month (list filter `windowEndsBefore`, exclusive). */
  before: string;
  clients: number;
}

/** Goals of open cases in one field of action and state. */
export interface GoalCellResponse {
  fieldOfAction: FieldOfAction;
  state: GoalState;
  goals: number;
  /** Clients with at least one such goal (the list behind the cell). */
  clients: number;
}

/** A count of items (goals, steps) and of the clients they belong to (the list behind it). */
export interface OverdueCountResponse {
  items: number;
  clients: number;
}

/**
 * The team lead's weekly view of the own team, computed on the day `asOf`
 * (Germany). Every figure names clients of the team only; each has a list
 * behind it (`GET /api/clients` with the filters given on each field).
 */
export interface TeamDashboardResponse {
  teamId: string;
  /** Today in Germany (`YYYY-MM-DD`): the day the figures refer to. */
  asOf: string;
  /** When the figures were computed (ISO 8601): at most `TEAM_DASHBOARD_LIMITS.maxAgeSeconds` ago, shown as their age. */
  computedAt: string;
  /** Clients in active support one manager should carry (e.g. 150 for "1:150"). */
  targetLoad: number;
  /** Per manager, by name; list: `managerId` + `state=active`. */
  managers: ManagerLoadResponse[];
  /** The current month and the 11 after it, in order, zero months included; list: `windowEndsAfter` + `windowEndsBefore` + `openCases`. */
  windowsEnding: WindowsEndingMonthResponse[];
  /** Every field of action × goal state (zeros included), in the contracts' orders; list: `fieldOfAction` + `goalState` + `openCases`. */
  goals: GoalCellResponse[];
  /** The N of "no contact for more than N weeks". */
  noContactWeeks: number;
  /** Contact on or after this day counts (`asOf` − N weeks); list: `noContactSince` + `state=active`. */
  noContactSince: string;
  /**
   * Clients in active support without a conversation on or after
   * `noContactSince`; a client never contacted counts from the support start
   * (newly started clients are not counted before N weeks have passed).
   */
  noContact: number;
  /** Open or in-progress goals of open cases due before `asOf`; list: `goalsOverdue` + `openCases`. */
  overdueGoals: OverdueCountResponse;
  /** Steps not done, due before `asOf`, of open or in-progress goals of open cases; list: `stepsOverdue` + `openCases`. */
  overdueSteps: OverdueCountResponse;
  /** Clients whose latest plan review is `submitted` (waiting for sign-off); list: `planAwaitingSignOff`. */
  plansAwaitingSignOff: number;
  /** Clients with a pending request to extend the support window; list: `extensionPending`. */
  extensionsPending: number;
}
