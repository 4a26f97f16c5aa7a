import { FIELDS_OF_ACTION, GOAL_STATES } from '@wegweiser/shared/contracts';
import { goalMatrix, noContactSince, toTeamDashboard } from './team-dashboard.mapping';

describe('noContactSince', () => {
  it('is exactly N weeks before today, across month, year and daylight-saving changes', () => {
    expect(noContactSince('2026-11-21', 8)).toBe('2026-09-26');
    expect(noContactSince('2027-01-05', 1)).toBe('2026-12-29');
    expect(noContactSince('2026-04-01', 1)).toBe('2026-03-25');
    expect(noContactSince('2026-03-01', 1)).toBe('2026-02-22');
  });
});

describe('goalMatrix', () => {
  it('has every field × state in the contracts order, zeros where nothing was found', () => {
    const cells = goalMatrix([
      { field_of_action: 'work', state: 'achieved', goals: 4, clients: 3 },
      { field_of_action: 'language', state: 'open', goals: 2, clients: 2 },
    ]);
    expect(cells).toHaveLength(FIELDS_OF_ACTION.length * GOAL_STATES.length);
    expect(cells[0]).toEqual({ fieldOfAction: FIELDS_OF_ACTION[0], state: GOAL_STATES[0], goals: 2, clients: 2 });
    expect(cells.find((c) => c.fieldOfAction === 'work' && c.state === 'achieved')).toEqual({ fieldOfAction: 'work', state: 'achieved', goals: 4, clients: 3 });
    expect(cells.filter((c) => c.goals > 0)).toHaveLength(2);
  });
});

describe('toTeamDashboard', () => {
  it('maps the aggregate rows and derives the contact cut-off from asOf', () => {
    const response = toTeamDashboard({
      teamId: 't',
      asOf: '2026-11-21',
      targetLoad: 150,
      noContactWeeks: 8,
      managers: [{ id: 'm', first_name: 'Julia', last_name: 'Neumann', active: true, active_clients: 12 }],
      windows: [{ month: '2026-11', from: '2026-11-01', before: '2026-12-01', clients: 3 }],
      goals: [],
      figures: { no_contact: 5, overdue_goals: 7, overdue_goal_clients: 4, overdue_steps: 9, overdue_step_clients: 6, plans_awaiting_sign_off: 2, extensions_pending: 1 },
    });
    expect(response).toEqual(
      expect.objectContaining({
        managers: [{ id: 'm', firstName: 'Julia', lastName: 'Neumann', active: true, activeClients: 12 }],
        windowsEnding: [{ month: '2026-11', from: '2026-11-01', before: '2026-12-01', clients: 3 }],
        noContactSince: '2026-09-26',
        noContact: 5,
        overdueGoals: { items: 7, clients: 4 },
        overdueSteps: { items: 9, clients: 6 },
        plansAwaitingSignOff: 2,
        extensionsPending: 1,
      }),
    );
  });
});
