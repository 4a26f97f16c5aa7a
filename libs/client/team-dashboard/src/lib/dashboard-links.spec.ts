import { dashboardLinks } from './dashboard-links';
import { sampleDashboard } from './testing';

describe('dashboardLinks', () => {
  const dashboard = sampleDashboard();

  it('lists the clients behind each figure with the same conditions as the API', () => {
    expect(dashboardLinks.manager(dashboard.managers[0]!)).toEqual({ managerId: '11111111-1111-4111-8111-111111111111', state: 'active' });
    expect(dashboardLinks.windowMonth(dashboard.windowsEnding[1]!)).toEqual({ windowEndsAfter: '2026-12-01', windowEndsBefore: '2027-01-01', openCases: 'true', sort: 'windowEnd' });
    expect(dashboardLinks.goals('work', 'open')).toEqual({ fieldOfAction: 'work', goalState: 'open', openCases: 'true' });
    expect(dashboardLinks.noContact(dashboard)).toEqual({ noContactSince: '2026-09-26', state: 'active', sort: 'lastContact' });
    expect(dashboardLinks.overdueGoals()).toEqual({ goalsOverdue: 'true', openCases: 'true' });
    expect(dashboardLinks.overdueSteps()).toEqual({ stepsOverdue: 'true', openCases: 'true' });
    expect(dashboardLinks.plansAwaitingSignOff()).toEqual({ planAwaitingSignOff: 'true' });
    expect(dashboardLinks.extensionsPending()).toEqual({ extensionPending: 'true' });
    expect(dashboardLinks.endingSoon()).toEqual({ windowEndsWithinMonths: '3', sort: 'windowEnd' });
  });
});
