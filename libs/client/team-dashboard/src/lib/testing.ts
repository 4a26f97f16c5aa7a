import { FIELDS_OF_ACTION, GOAL_STATES, TeamDashboardResponse } from '@wegweiser/shared/contracts';

/** A small dashboard for the specs. */
export function sampleDashboard(): TeamDashboardResponse {
  return {
    teamId: 't1',
    asOf: '2026-11-21',
    computedAt: '2026-11-21T09:15:00.000Z',
    targetLoad: 150,
    managers: [
      { id: '11111111-1111-4111-8111-111111111111', firstName: 'Julia', lastName: 'Neumann', active: true, activeClients: 142 },
      { id: '22222222-2222-4222-8222-222222222222', firstName: 'Carla', lastName: 'Clausen', active: false, activeClients: 3 },
    ],
    windowsEnding: Array.from({ length: 12 }, (_, k) => {
      const month = `2026-${String(11 + k).padStart(2, '0')}`;
      const date = (m: number) => (m <= 12 ? `2026-${String(m).padStart(2, '0')}-01` : `2027-${String(m - 12).padStart(2, '0')}-01`);
      return { month: k < 2 ? month : `2027-${String(k - 1).padStart(2, '0')}`, from: date(11 + k), before: date(12 + k), clients: k === 1 ? 7 : k };
    }),
    goals: FIELDS_OF_ACTION.flatMap((fieldOfAction) =>
      GOAL_STATES.map((state) => ({ fieldOfAction, state, goals: fieldOfAction === 'work' && state === 'open' ? 5 : 0, clients: fieldOfAction === 'work' && state === 'open' ? 4 : 0 })),
    ),
    noContactWeeks: 8,
    noContactSince: '2026-09-26',
    noContact: 9,
    overdueGoals: { items: 12, clients: 8 },
    overdueSteps: { items: 6, clients: 5 },
    plansAwaitingSignOff: 2,
    extensionsPending: 1,
  };
}
