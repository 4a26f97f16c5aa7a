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

/**
 * A database as production has it: owned by a LOGIN role that is not a
 * superuser (so FORCE ROW LEVEL SECURITY applies to it), with an application
 * role managed outside Wegweiser (DATABASE_APP_URL: only a superuser may set
 * NOBYPASSRLS). The URLs are known at once; `create()` makes roles and
 * database, `drop()` removes them; `superuserUrl` is for the test's own checks.
 */
export interface OwnerSeparatedDatabase {
  name: string;
  ownerUrl: string;
  appUrl: string;
  superuserUrl: string;
  create(): Promise<void>;
  drop(): Promise<void>;
}

export function ownerSeparatedDatabase(): OwnerSeparatedDatabase {
  const suffix = randomBytes(5).toString('hex');
  const name = `ww_e2e_${suffix}`;
  const ownerRole = `ww_e2e_owner_${suffix}`;
  const appRole = `ww_e2e_app_${suffix}`;
  const superuserUrl = withDatabase(adminUrl(), name);
  const credentials = (role: string) => {
    const url = new URL(superuserUrl);
    url.username = role;
    url.password = randomBytes(16).toString('hex');
    return url.toString();
  };
  const ownerUrl = credentials(ownerRole);
  const appUrl = credentials(appRole);
  return {
    name,
    ownerUrl,
    appUrl,
    superuserUrl,
    create: async () => {
      await adminQuery(`CREATE ROLE ${ownerRole} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '${new URL(ownerUrl).password}'`);
      await adminQuery(`CREATE ROLE ${appRole} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '${new URL(appUrl).password}'`);
      await adminQuery(`CREATE DATABASE ${name} OWNER ${ownerRole}`);
      await adminQuery(`ALTER SCHEMA public OWNER TO ${ownerRole}`, [], superuserUrl);
    },
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await adminQuery(`DROP ROLE IF EXISTS ${appRole}`);
      await adminQuery(`DROP ROLE IF EXISTS ${ownerRole}`);
    },
  };
}
