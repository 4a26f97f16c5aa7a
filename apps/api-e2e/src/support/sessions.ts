import { CSRF_HEADER, Role, SessionResponse } from '@wegweiser/shared/contracts';
import type { Server } from 'node:http';
import request from 'supertest';
import { adminQuery } from './test-database';

type TestAgent = ReturnType<typeof request.agent>;

export const DEMO_PASSWORD_FOR_TESTS = 'Wegweiser-Demo-2026';

/** A browser-like client: keeps cookies, sends the CSRF token on writes. */
export interface SignedInAgent {
  agent: TestAgent;
  csrf: string;
  session: SessionResponse;
}

export async function csrfToken(agent: TestAgent): Promise<string> {
  const response = await agent.get('/api/auth/csrf').expect(200);
  return response.body.csrfToken as string;
}

export async function signIn(server: Server, email: string, password = DEMO_PASSWORD_FOR_TESTS): Promise<SignedInAgent> {
  const agent = request.agent(server);
  const csrf = await csrfToken(agent);
  const response = await agent.post('/api/auth/login').set(CSRF_HEADER, csrf).send({ email, password });
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  const session = response.body as SessionResponse;
  return { agent, csrf: session.csrfToken, session };
}

export interface DemoUser {
  id: string;
  email: string;
  role: Role;
  municipality_id: string;
  team_id: string | null;
}

/** Demo accounts of the seeded test database, looked up as superuser. */
export async function demoUsers(ownerUrl: string): Promise<DemoUser[]> {
  return adminQuery<DemoUser>('SELECT id, email, role, municipality_id, team_id FROM app_user ORDER BY email', [], ownerUrl);
}

export function pick(users: DemoUser[], role: Role, where: (u: DemoUser) => boolean = () => true): DemoUser {
  const user = users.find((u) => u.role === role && where(u));
  if (!user) throw new Error(`no demo ${role} matching the condition`);
  return user;
}
