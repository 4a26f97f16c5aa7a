import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A fresh database (and a fresh application role name) on the e2e PostgreSQL server. */
export interface TestDatabase {
  name: string;
  ownerUrl: string;
  appRole: string;
  appPassword: string;
  /** Connection URL of the application role (valid after provisioning). */
  appUrl: string;
  drop(): Promise<void>;
}

export function adminUrl(): string {
  const url = process.env['E2E_ADMIN_URL'];
  if (!url) throw new Error('E2E_ADMIN_URL is not set: run through the api-e2e jest config');
  return url;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = [], url = adminUrl()): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const suffix = randomBytes(5).toString('hex');
  const name = `ww_e2e_${suffix}`;
  const appRole = `ww_e2e_app_${suffix}`;
  const appPassword = randomBytes(16).toString('hex');
  await adminQuery(`CREATE DATABASE ${name}`);
  const ownerUrl = withDatabase(adminUrl(), name);
  const app = new URL(ownerUrl);
  app.username = appRole;
  app.password = appPassword;
  return {
    name,
    ownerUrl,
    appRole,
    appPassword,
    appUrl: app.toString(),
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await adminQuery(`DROP ROLE IF EXISTS ${appRole}`);
    },
  };
}
