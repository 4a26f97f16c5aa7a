import type { FieldKeySet } from '@wegweiser/api/crypto';
import { generateClients, generateOrganisation, SyntheticClient, SyntheticDataOptionsInput, SyntheticOrganisation } from '@wegweiser/api/synthetic-data';
import { Pool, PoolClient } from 'pg';
import { TENANT_TABLES } from '../migrations';
import { clientSearchText, clientSortKey } from '../search/client-search';
import { copyRows } from './copy-writer';
import { seedPlanRows } from './plan-seed';
import { seedCaseDetailRows } from './case-details-seed';

export interface SeedOptions {
  clients: number;
  seed: number;
  /** Hash of DEMO_PASSWORD (argon2id), computed once by the caller for every demo account. */
  demoPasswordHash: string;
  /** Keys for the encrypted fields (conversation notes are encrypted before COPY, as the API does). */
  fieldKeys: FieldKeySet;
  /** Further generator options (e.g. the organisation's shape for a benchmark); seed and clients above win. */
  generator?: SyntheticDataOptionsInput;
}

/** The password of every demo account (demo dataset only; listed in the README). */
export const DEMO_PASSWORD = 'Wegweiser-Demo-2026';

/**
 * Runs `work` as the owner with FORCE ROW LEVEL SECURITY lifted inside one
 * transaction (DDL is transactional): owners that are not superusers would
 * otherwise see no rows and could not COPY into tables under RLS.
 */
async function asOwner<T>(client: PoolClient, work: () => Promise<T>, commit = true): Promise<T> {
  await client.query('BEGIN');
  try {
    for (const table of TENANT_TABLES) await client.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
    const result = await work();
    for (const table of TENANT_TABLES) await client.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    await client.query(commit ? 'COMMIT' : 'ROLLBACK');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function withOwnerClient<T>(ownerUrl: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const pool = new Pool({ connectionString: ownerUrl, max: 1, application_name: 'wegweiser-seed' });
  const client = await pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
    await pool.end();
  }
}

/** True when no municipality exists yet (first start, or an emptied database). */
export async function isDatabaseEmpty(ownerUrl: string): Promise<boolean> {
  return withOwnerClient(ownerUrl, (client) =>
    asOwner(client, async () => (await client.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM municipality) AS empty')).rows[0]?.empty ?? true, false),
  );
}

export interface DemoAccount {
  municipality: string;
  role: string;
  email: string;
}

/** One demo account per role in each municipality (printed at start-up, listed in the README). */
export async function listDemoAccounts(ownerUrl: string): Promise<DemoAccount[]> {
  return withOwnerClient(ownerUrl, (client) =>
    asOwner(
      client,
      async () =>
        (
          await client.query<DemoAccount>(
            `SELECT DISTINCT ON (m.code, u.role) m.name AS municipality, u.role, u.email
               FROM app_user u JOIN municipality m ON m.id = u.municipality_id
              WHERE u.active
              ORDER BY m.code, u.role, u.email`,
          )
        ).rows,
      false,
    ),
  );
}

/** Empties every seeded table (for `cli seed --reset`). */
export async function resetDemoData(ownerUrl: string): Promise<void> {
  await withOwnerClient(ownerUrl, (client) => asOwner(client, () => client.query(`TRUNCATE ${TENANT_TABLES.join(', ')} CASCADE`)));
}

/**
 * Loads the synthetic dataset (deterministic for seed + scale) into every
 * table that exists, in one transaction, with COPY. Returns row counts.
 */
export async function seedDemoData(ownerUrl: string, options: SeedOptions): Promise<Record<string, number>> {
  const generatorOptions: SyntheticDataOptionsInput = { ...options.generator, seed: options.seed, clients: options.clients };
  const organisation = generateOrganisation(generatorOptions);
  return withOwnerClient(ownerUrl, async (client) => {
    const counts = await asOwner(client, async () => ({
      municipalities: await copyRows(client, 'municipality', ['id', 'code', 'name'], municipalityRows(organisation)),
      teams: await copyRows(client, 'team', ['id', 'municipality_id', 'name'], teamRows(organisation)),
      users: await copyRows(client, 'app_user', USER_COLUMNS, userRows(organisation, options.demoPasswordHash)),
      clients: await copyRows(client, 'client', CLIENT_COLUMNS, clientRows(generateClients(generatorOptions, organisation))),
      ...(await seedPlanRows(client, generatorOptions, organisation)),
      ...(await seedCaseDetailRows(client, generatorOptions, organisation, options.fieldKeys)),
      ...(await seedSupportRows(client)),
    }));
    await client.query('ANALYZE');
    return counts;
  });
}

const USER_COLUMNS = ['id', 'municipality_id', 'team_id', 'email', 'first_name', 'last_name', 'role', 'password_hash'];

function* userRows(organisation: SyntheticOrganisation, passwordHash: string) {
  for (const s of organisation.staff) yield [s.id, s.municipalityId, s.teamId, s.email.toLowerCase(), s.firstName, s.lastName, s.role, passwordHash];
}

function* municipalityRows(organisation: SyntheticOrganisation) {
  for (const m of organisation.municipalities) yield [m.id, m.code, m.name];
}

function* teamRows(organisation: SyntheticOrganisation) {
  for (const t of organisation.teams) yield [t.id, t.municipalityId, t.name];
}

const CLIENT_COLUMNS = [
  'id',
  'municipality_id',
  'team_id',
  'case_number',
  'first_name',
  'last_name',
  'first_name_original',
  'last_name_original',
  'date_of_birth',
  'gender',
  'country_of_origin',
  'arrival_date',
  'support_start',
  'responsible_manager_id',
  'nationalities',
  'languages_spoken',
  'residence_status',
  'residence_valid_until',
  'housing',
  'household_members',
  'phone',
  'email',
  'support_state',
  'support_window_end',
  'paused_on',
  'closed_on',
  'closure_reason',
  'search_text',
  'sort_key',
];

function* clientRows(clients: Iterable<SyntheticClient>) {
  for (const c of clients) {
    yield [
      c.id,
      c.municipalityId,
      c.teamId,
      c.caseNumber,
      c.firstName,
      c.lastName,
      c.firstNameOriginal,
      c.lastNameOriginal,
      c.dateOfBirth,
      c.gender,
      c.countryOfOrigin,
      c.arrivedOn,
      c.support.startedOn,
      c.managerId,
      c.nationalities,
      c.languages.map((l) => l.language),
      c.residenceStatus,
      c.residenceValidUntil,
      c.housing,
      c.householdMembers,
      c.phone,
      c.email,
      c.support.state,
      c.support.windowEndsOn,
      c.support.pausedOn,
      c.support.closedOn,
      c.support.closureReason,
      clientSearchText(c),
      clientSortKey(c),
    ];
  }
}

/**
 * Derived from the client rows: the case-number counters (the highest running
 * number per municipality and year), the support history (start, pause,
 * closure) that the synthetic support period implies, and the day of each
 * client's latest conversation (`client.last_contact_on`, which the API keeps
 * when it writes conversations; COPY bypasses that).
 */
async function seedSupportRows(client: PoolClient): Promise<Record<string, number>> {
  const counters = await client.query(`
    INSERT INTO case_number_counter (municipality_id, year, last_value)
    SELECT municipality_id, parts[1]::smallint, max(parts[2]::integer)
      FROM (SELECT municipality_id, regexp_match(case_number, '^[A-Z0-9]+-(\\d{4})-(\\d{1,9})$') AS parts FROM client) numbered
     WHERE parts IS NOT NULL
     GROUP BY 1, 2`);
  const events = await client.query(`
    INSERT INTO support_event (municipality_id, client_id, from_state, to_state, reason, on_date, by_user_id, recorded_at)
    SELECT municipality_id, id, NULL, 'active', NULL, support_start, responsible_manager_id, support_start FROM client
    UNION ALL
    SELECT municipality_id, id, 'active', 'paused', NULL, paused_on, responsible_manager_id, paused_on FROM client WHERE paused_on IS NOT NULL
    UNION ALL
    SELECT municipality_id, id, CASE WHEN paused_on IS NULL THEN 'active' ELSE 'paused' END, 'closed', closure_reason, closed_on, responsible_manager_id, closed_on
      FROM client WHERE support_state = 'closed'`);
  await client.query(`
    UPDATE client c SET last_contact_on = latest.day
      FROM (SELECT client_id, (max(held_at) AT TIME ZONE 'Europe/Berlin')::date AS day FROM conversation GROUP BY client_id) latest
     WHERE c.id = latest.client_id`);
  return { caseNumberCounters: counters.rowCount ?? 0, supportEvents: events.rowCount ?? 0 };
}
