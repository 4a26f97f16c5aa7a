import { generateClients, generateOrganisation, SyntheticClient, SyntheticOrganisation } from '@wegweiser/api/synthetic-data';
import { Pool } from 'pg';
import { copyRows } from './copy-writer';

export interface SeedOptions {
  clients: number;
  seed: number;
}

/** True when no municipality exists yet (first start, or an emptied database). */
export async function isDatabaseEmpty(ownerUrl: string): Promise<boolean> {
  const pool = new Pool({ connectionString: ownerUrl, max: 1 });
  try {
    const { rows } = await pool.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM municipality) AS empty');
    return rows[0]?.empty ?? true;
  } finally {
    await pool.end();
  }
}

/** Empties every seeded table (for `cli seed --reset`). */
export async function resetDemoData(ownerUrl: string): Promise<void> {
  const pool = new Pool({ connectionString: ownerUrl, max: 1 });
  try {
    await pool.query('TRUNCATE client, team, municipality CASCADE');
  } finally {
    await pool.end();
  }
}

/**
 * Loads the synthetic dataset (deterministic for seed + scale) into every
 * table that exists, in one transaction, with COPY. Returns row counts.
 */
export async function seedDemoData(ownerUrl: string, options: SeedOptions): Promise<Record<string, number>> {
  const generatorOptions = { seed: options.seed, clients: options.clients };
  const organisation = generateOrganisation(generatorOptions);
  const pool = new Pool({ connectionString: ownerUrl, max: 1, application_name: 'wegweiser-seed' });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const counts = {
      municipalities: await copyRows(client, 'municipality', ['id', 'code', 'name'], municipalityRows(organisation)),
      teams: await copyRows(client, 'team', ['id', 'municipality_id', 'name'], teamRows(organisation)),
      clients: await copyRows(client, 'client', CLIENT_COLUMNS, clientRows(generateClients(generatorOptions, organisation))),
    };
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return counts;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
    await pool.end();
  }
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
    ];
  }
}
