import { Client, escapeIdentifier, escapeLiteral } from 'pg';
import { DataSource } from 'typeorm';
import { typeOrmOptions } from '../typeorm/typeorm-options';
import { RESTRICTED_TABLE_GRANTS, ResolvedAppRole } from './app-role';

export interface ProvisionLog {
  log(message: string): void;
}

/** Serialises provisioning when several API instances start at once. */
const PROVISIONING_LOCK = 7_413_001;

/**
 * Runs as the owning role: applies pending migrations, then makes sure the
 * application role exists with login only (no superuser, no DDL, no
 * ownership) and holds exactly the grants the application needs.
 */
export async function provisionDatabase(ownerUrl: string, appRole: ResolvedAppRole, log: ProvisionLog): Promise<void> {
  const lock = new Client({ connectionString: ownerUrl, application_name: 'wegweiser-provisioning' });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [PROVISIONING_LOCK]);
    const owner = (await lock.query<{ user: string }>('SELECT current_user AS user')).rows[0]?.user;
    if (owner === appRole.role) throw new Error('The application role must not be the owner of the database (set DATABASE_APP_ROLE to another role).');
    const applied = await runMigrations(ownerUrl);
    if (applied.length) log.log(`Applied migrations: ${applied.join(', ')}`);
    if (appRole.managed) await ensureRole(lock, appRole);
    await grantApplicationPrivileges(lock, appRole.role);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [PROVISIONING_LOCK]).catch(() => undefined);
    await lock.end();
  }
}

async function runMigrations(ownerUrl: string): Promise<string[]> {
  const dataSource = new DataSource(typeOrmOptions({ url: ownerUrl, poolSize: 1, applicationName: 'wegweiser-migrations' }));
  await dataSource.initialize();
  try {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

async function ensureRole(client: Client, appRole: ResolvedAppRole): Promise<void> {
  const role = escapeIdentifier(appRole.role);
  const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [appRole.role])).rowCount;
  if (!exists) await client.query(`CREATE ROLE ${role}`);
  await client.query(
    `ALTER ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS PASSWORD ${escapeLiteral(appRole.password ?? '')}`,
  );
}

async function grantApplicationPrivileges(client: Client, roleName: string): Promise<void> {
  const role = escapeIdentifier(roleName);
  const database = escapeIdentifier((await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0]?.db ?? '');
  await client.query('BEGIN');
  try {
    await client.query(`REVOKE CREATE, TEMPORARY ON DATABASE ${database} FROM PUBLIC`);
    await client.query(`REVOKE ALL ON DATABASE ${database} FROM ${role}`);
    await client.query(`GRANT CONNECT ON DATABASE ${database} TO ${role}`);
    await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    for (const [table, privileges] of Object.entries(RESTRICTED_TABLE_GRANTS)) {
      await client.query(`REVOKE ALL ON TABLE ${escapeIdentifier(table)} FROM ${role}`);
      await client.query(`GRANT ${privileges.join(', ')} ON TABLE ${escapeIdentifier(table)} TO ${role}`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
