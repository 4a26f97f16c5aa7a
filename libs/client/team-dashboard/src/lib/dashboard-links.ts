import { FieldOfAction, GoalState, ManagerLoadResponse, TeamDashboardResponse, WINDOW_ENDING_SOON_MONTHS, WindowsEndingMonthResponse } from '@wegweiser/shared/contracts';

/** The caseload page; its query parameters are the list filters (see caseload-link-filters.ts). */
export const CASELOAD_PATH = '/fallbestand';

export type ListParams = Record<string, string>;

/** The list behind each figure: the same conditions as the API's dashboard SQL. */
export const dashboardLinks = {
  manager: (manager: Pick<ManagerLoadResponse, 'id'>): ListParams => ({ managerId: manager.id, state: 'active' }),
  windowMonth: (month: Pick<WindowsEndingMonthResponse, 'from' | 'before'>): ListParams => ({
    windowEndsAfter: month.from,
    windowEndsBefore: month.before,
    openCases: 'true',
    sort: 'windowEnd',
  }),
  /** "endet in den nächsten 3 Monaten": relative to the day the list is opened (a bookmark stays current). */
  endingSoon: (): ListParams => ({ windowEndsWithinMonths: String(WINDOW_ENDING_SOON_MONTHS), sort: 'windowEnd' }),
  goals: (fieldOfAction: FieldOfAction, state: GoalState): ListParams => ({ fieldOfAction, goalState: state, openCases: 'true' }),
  noContact: (dashboard: Pick<TeamDashboardResponse, 'noContactSince'>): ListParams => ({ noContactSince: dashboard.noContactSince, state: 'active', sort: 'lastContact' }),
  overdueGoals: (): ListParams => ({ goalsOverdue: 'true', openCases: 'true' }),
  overdueSteps: (): ListParams => ({ stepsOverdue: 'true', openCases: 'true' }),
  plansAwaitingSignOff: (): ListParams => ({ planAwaitingSignOff: 'true' }),
  extensionsPending: (): ListParams => ({ extensionPending: 'true' }),
} as const;
