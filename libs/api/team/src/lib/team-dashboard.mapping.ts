import { FIELDS_OF_ACTION, GOAL_STATES, GoalCellResponse, TeamDashboardResponse } from '@wegweiser/shared/contracts';
import { GoalMatrixRow, ManagerLoadRow, TeamFiguresRow, WindowsEndingRow } from './team-dashboard.sql';

const DAY_MS = 86_400_000;

/** The day `weeks` weeks before `today` (both `YYYY-MM-DD`): contact on or after it counts as recent. */
export function noContactSince(today: string, weeks: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - weeks * 7 * DAY_MS).toISOString().slice(0, 10);
}

/** Every field of action × goal state in the contracts' orders, zero where the query found none. */
export function goalMatrix(rows: GoalMatrixRow[]): GoalCellResponse[] {
  const found = new Map(rows.map((row) => [`${row.field_of_action}/${row.state}`, row]));
  return FIELDS_OF_ACTION.flatMap((fieldOfAction) =>
    GOAL_STATES.map((state) => {
      const row = found.get(`${fieldOfAction}/${state}`);
      return { fieldOfAction, state, goals: row?.goals ?? 0, clients: row?.clients ?? 0 };
    }),
  );
}

export interface DashboardParts {
  teamId: string;
  asOf: string;
  targetLoad: number;
  noContactWeeks: number;
  managers: ManagerLoadRow[];
  windows: WindowsEndingRow[];
  goals: GoalMatrixRow[];
  figures: TeamFiguresRow;
}

/** The response from the aggregates' rows. */
export function toTeamDashboard(parts: DashboardParts): Omit<TeamDashboardResponse, 'computedAt'> {
  const { figures } = parts;
  return {
    teamId: parts.teamId,
    asOf: parts.asOf,
    targetLoad: parts.targetLoad,
    managers: parts.managers.map((m) => ({ id: m.id, firstName: m.first_name, lastName: m.last_name, active: m.active, activeClients: m.active_clients })),
    windowsEnding: parts.windows.map((w) => ({ month: w.month, from: w.from, before: w.before, clients: w.clients })),
    goals: goalMatrix(parts.goals),
    noContactWeeks: parts.noContactWeeks,
    noContactSince: noContactSince(parts.asOf, parts.noContactWeeks),
    noContact: figures.no_contact,
    overdueGoals: { items: figures.overdue_goals, clients: figures.overdue_goal_clients },
    overdueSteps: { items: figures.overdue_steps, clients: figures.overdue_step_clients },
    plansAwaitingSignOff: figures.plans_awaiting_sign_off,
    extensionsPending: figures.extensions_pending,
  };
}
