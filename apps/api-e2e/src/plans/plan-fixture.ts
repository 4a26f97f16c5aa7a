import { calendarToday } from '@wegweiser/api/core';
import { CSRF_HEADER, PartnerOfferListItemResponse } from '@wegweiser/shared/contracts';
import type { Server } from 'node:http';
import { demoUsers, DemoUser, pick, signIn, SignedInAgent } from '../support/sessions';
import { createTestApp, TestApp } from '../support/test-app';
import { adminQuery, createTestDatabase, TestDatabase } from '../support/test-database';

export interface ClientRow {
  id: string;
  municipality_id: string;
  support_start: string;
  window_end: string;
}

/** The tables this feature writes, for "nothing stored" checks. */
export const PLAN_TABLES = ['consent', 'goal', 'goal_step', 'referral', 'plan_agreement'] as const;

/** A day `days` after `date` (YYYY-MM-DD). */
export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A seeded municipality with manager A (and the lead of A's team), a manager
 * of another team (B), and signed-in sessions: the plan specs' common ground.
 */
export interface PlanFixture {
  db: TestDatabase;
  api: TestApp;
  users: DemoUser[];
  today: string;
  managerA: DemoUser;
  leadA: DemoUser;
  managerB: DemoUser;
  asManagerA: SignedInAgent;
  asLeadA: SignedInAgent;
  asManagerB: SignedInAgent;
  server(): Server;
  /** A further open client of manager A (inside its support window today); `emptyPlan` removes the seeded goals. */
  client(options?: { emptyPlan?: boolean; state?: 'active' | 'closed' }): Promise<ClientRow>;
  /** Active offers of the municipality's directory. */
  offers(topic?: string): Promise<PartnerOfferListItemResponse[]>;
  /** A consent valid today, as manager A records it. */
  consent(clientId: string, partnerId: string, extra?: object): Promise<{ id: string; version: number }>;
  /** Row counts of the plan tables and the sum of their versions for one client (or all). */
  fingerprint(clientId?: string): Promise<Record<string, string>>;
  query<T extends object>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function createPlanFixture(): Promise<PlanFixture> {
  const db = await createTestDatabase();
  const api = await createTestApp(db, [], { DEMO_DATA: 'true', DEMO_CLIENTS: '300', LOGIN_RATE_LIMIT_PER_IP: '1000', LOGIN_RATE_LIMIT_PER_ACCOUNT: '1000' });
  const server = () => api.app.getHttpServer();
  const query = <T extends object>(sql: string, params: unknown[] = []) => adminQuery<T>(sql, params, db.ownerUrl);
  const users = await demoUsers(db.ownerUrl);
  const today = calendarToday();
  const open = (today: string) => `support_state <> 'closed' AND support_start <= ${today}::date AND support_window_end >= ${today}::date`;
  const [busiest] = await query<{ responsible_manager_id: string }>(
    `SELECT responsible_manager_id FROM client WHERE ${open('$1')} GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    [today],
  );
  const managerA = pick(users, 'manager', (u) => u.id === busiest?.responsible_manager_id);
  const leadA = pick(users, 'team_lead', (u) => u.team_id === managerA.team_id);
  const managerB = pick(users, 'manager', (u) => u.municipality_id === managerA.municipality_id && u.team_id !== managerA.team_id);
  const [asManagerA, asLeadA, asManagerB] = [await signIn(server(), managerA.email), await signIn(server(), leadA.email), await signIn(server(), managerB.email)];
  const used = new Set<string>();

  return {
    db,
    api,
    users,
    today,
    managerA,
    leadA,
    managerB,
    asManagerA,
    asLeadA,
    asManagerB,
    server,
    query,
    async client(options = {}) {
      const condition = options.state === 'closed' ? `support_state = 'closed' AND $2::date IS NOT NULL` : open('$2');
      const rows = await query<ClientRow>(
        `SELECT id, municipality_id, support_start::text, support_window_end::text AS window_end FROM client
          WHERE responsible_manager_id = $1 AND ${condition} ORDER BY support_window_end DESC, case_number`,
        [managerA.id, today],
      );
      const row = rows.find((r) => !used.has(r.id));
      if (!row) throw new Error('no further client of manager A');
      used.add(row.id);
      if (options.emptyPlan) await query('DELETE FROM goal WHERE client_id = $1', [row.id]);
      return row;
    },
    async offers(topic) {
      const response = await asManagerA.agent.get(`/api/partner-offers${topic ? `?topic=${topic}` : ''}`).expect(200);
      return response.body as PartnerOfferListItemResponse[];
    },
    async consent(clientId, partnerId, extra = {}) {
      const body = { purpose: 'Vermittlung an den Partner', recipientKind: 'partner', partnerId, dataCategories: ['personal'], givenOn: today, recordedAs: 'signed_paper', ...extra };
      const response = await asManagerA.agent.post(`/api/clients/${clientId}/consents`).set(CSRF_HEADER, asManagerA.csrf).send(body);
      if (response.status !== 201) throw new Error(`consent: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    async fingerprint(clientId) {
      const [row] = await query<Record<string, string>>(
        `SELECT ${PLAN_TABLES.map((t) => `(SELECT count(*) || '/' || coalesce(sum(version), 0) FROM ${t} x WHERE $1::uuid IS NULL OR ${
          t === 'goal_step' ? 'goal_id IN (SELECT id FROM goal WHERE client_id = $1)' : 'client_id = $1'
        }) AS ${t}`).join(', ')}`,
        [clientId ?? null],
      );
      return row ?? {};
    },
    close: async () => {
      await api?.close();
      await db?.drop();
    },
  };
}
