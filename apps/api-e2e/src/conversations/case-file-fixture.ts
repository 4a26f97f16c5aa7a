import { DemoUser, demoUsers, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

export interface ClientRow {
  id: string;
  team_id: string;
  municipality_id: string;
  responsible_manager_id: string;
  support_state: string;
}

/** A seeded test database with the API in-process, and the people the case-file specs act as. */
export interface CaseFileFixture {
  db: TestDatabase;
  api: TestApp;
  users: DemoUser[];
  clients: ClientRow[];
  /** A manager with open cases in the own caseload, signed in. */
  managerA: DemoUser;
  asManagerA: SignedInAgent;
  /** A manager of another team of the same municipality, signed in. */
  managerB: DemoUser;
  asManagerB: SignedInAgent;
  /** The n-th open client of manager A's caseload (distinct per test to keep tests independent). */
  ownClient(n: number): ClientRow;
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

export async function createCaseFileFixture(env: Record<string, string> = {}): Promise<CaseFileFixture> {
  const db = await createTestDatabase();
  const api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '300', LOGIN_RATE_LIMIT_PER_IP: '1000', ...env });
  const users = await demoUsers(db.ownerUrl);
  const clients = await adminQuery<ClientRow>(
    'SELECT id, team_id, municipality_id, responsible_manager_id, support_state FROM client ORDER BY case_number',
    [],
    db.ownerUrl,
  );
  const openOf = (u: DemoUser) => clients.filter((c) => c.responsible_manager_id === u.id && c.support_state !== 'closed');
  const managerA = [...users].filter((u) => u.role === 'manager').sort((a, b) => openOf(b).length - openOf(a).length)[0] as DemoUser;
  const managerB = pick(users, 'manager', (u) => u.municipality_id === managerA.municipality_id && u.team_id !== managerA.team_id);
  const server = api.app.getHttpServer();
  return {
    db,
    api,
    users,
    clients,
    managerA,
    asManagerA: await signIn(server, managerA.email),
    managerB,
    asManagerB: await signIn(server, managerB.email),
    ownClient: (n) => {
      const client = openOf(managerA)[n];
      if (!client) throw new Error(`manager A has fewer than ${n + 1} open clients`);
      return client;
    },
    count: async (table) => Number((await adminQuery<{ n: string }>(`SELECT count(*) AS n FROM ${table}`, [], db.ownerUrl))[0]?.n),
    close: async () => {
      await api.close();
      await db.drop();
    },
  };
}

/** Closes a case directly in the database (as the owner). */
export async function closeCase(f: CaseFileFixture, clientId: string): Promise<void> {
  await adminQuery(`UPDATE client SET support_state = 'closed', closed_on = current_date, closure_reason = 'other' WHERE id = $1`, [clientId], f.db.ownerUrl);
}

export const auditRows = (f: CaseFileFixture, where: string, params: unknown[]) =>
  adminQuery<{ action: string; outcome: string; entity_type: string; entity_id: string | null; client_id: string | null; user_id: string }>(
    `SELECT action, outcome, entity_type, entity_id, client_id, user_id FROM audit_event WHERE ${where} ORDER BY id`,
    params,
    f.db.ownerUrl,
  );
