import { PasswordHasher } from '@wegweiser/api/auth';
import { calendarToday } from '@wegweiser/api/core';
import { DEMO_PASSWORD, seedDemoData } from '@wegweiser/api/database';
import { TeamDashboardResponse } from '@wegweiser/shared/contracts';
import { signIn, SignedInAgent } from '../../../apps/api-e2e/src/support/sessions';
import { createTestApp, TestApp } from '../../../apps/api-e2e/src/support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../../../apps/api-e2e/src/support/test-database';
import { benchSettings, measure } from '../support/measure';
import { BenchResult, formatTable, meetsGoal } from '../support/report';

/** Issue 6: the dashboard of a team of 10 managers (about 1,500 clients in active support) answers in under 100 ms. */
const GOAL_MS = 100;
/** One municipality with two teams of 10 managers; 210 clients on record per manager (closed cases included), about 150 active. */
const GENERATOR = { municipalities: 1, managers: 20, managersPerTeam: 10, referenceDate: calendarToday() };
const CLIENTS = 20 * 210;

interface TeamSize {
  team_id: string;
  lead: string;
  managers: number;
  clients: number;
  active: number;
  conversations: number;
  goals: number;
  steps: number;
}

describe('bench: team dashboard', () => {
  let db: TestDatabase;
  let api: TestApp;
  let lead: SignedInAgent;
  let size: TeamSize;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await createTestApp(db, [], { DEMO_DATA: 'false', LOGIN_RATE_LIMIT_PER_IP: '1000' });
    await seedDemoData(db.ownerUrl, { clients: CLIENTS, seed: 2026, demoPasswordHash: await new PasswordHasher().hash(DEMO_PASSWORD), fieldKeys: api.database.fieldKeys, generator: GENERATOR });
    const [largest] = await adminQuery<TeamSize>(
      `SELECT t.id AS team_id, (SELECT email FROM app_user WHERE team_id = t.id AND role = 'team_lead' ORDER BY email LIMIT 1) AS lead,
              (SELECT count(*)::int FROM app_user WHERE team_id = t.id AND role = 'manager') AS managers,
              (SELECT count(*)::int FROM client WHERE team_id = t.id) AS clients,
              (SELECT count(*)::int FROM client WHERE team_id = t.id AND support_state = 'active') AS active,
              (SELECT count(*)::int FROM conversation v JOIN client c ON c.id = v.client_id WHERE c.team_id = t.id) AS conversations,
              (SELECT count(*)::int FROM goal g JOIN client c ON c.id = g.client_id WHERE c.team_id = t.id) AS goals,
              (SELECT count(*)::int FROM goal_step s JOIN goal g ON g.id = s.goal_id JOIN client c ON c.id = g.client_id WHERE c.team_id = t.id) AS steps
         FROM team t ORDER BY active DESC LIMIT 1`,
      [],
      db.ownerUrl,
    );
    if (!largest) throw new Error('no team seeded');
    size = largest;
    lead = await signIn(api.app.getHttpServer(), size.lead);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it(`answers GET /api/team/dashboard in under ${GOAL_MS} ms (p95)`, async () => {
    expect(size.managers).toBe(10);
    expect(size.active).toBeGreaterThanOrEqual(1_400);
    const call = async () => {
      const response = await lead.agent.get('/api/team/dashboard');
      if (response.status !== 200) throw new Error(`dashboard: ${response.status}`);
      return response.body as TeamDashboardResponse;
    };
    const figures = await call();
    expect(figures.managers.reduce((sum, m) => sum + m.activeClients, 0)).toBe(size.active);

    const result: BenchResult = {
      scenario: 'GET /api/team/dashboard',
      data: `${size.managers} managers, ${size.active} active / ${size.clients} clients, ${size.conversations} conversations, ${size.goals} goals, ${size.steps} steps`,
      latency: await measure(call, benchSettings()),
      goalMs: GOAL_MS,
    };
    process.stdout.write(`\n${formatTable([result])}\n\n`);
    expect(meetsGoal(result)).toBe(true);
  });
});
