import { SET_TENANT_SQL } from '@wegweiser/api/database';
import { Client, Pool } from 'pg';
import { applyReminderRules, emptyCounts, ReminderCounts, TenantQuery } from './reminder-rules';

export interface ReminderRunResult {
  asOf: string;
  municipalities: number;
  created: ReminderCounts;
}

export interface ReminderRunPorts {
  /** Every municipality's id. */
  municipalities(): Promise<string[]>;
  /** Runs `work` in one transaction with `app.municipality_id` set (SET LOCAL), as the application role. */
  inTenant<T>(municipalityId: string, work: (query: TenantQuery) => Promise<T>): Promise<T>;
}

/**
 * Creates the reminders due on `asOf` in every municipality, each in its own
 * tenant transaction (a failure in one leaves the others done; the next run
 * catches up, nothing is created twice).
 */
export async function runReminderGeneration(ports: ReminderRunPorts, asOf: string, noContactWeeks: number): Promise<ReminderRunResult> {
  const created = emptyCounts();
  const ids = await ports.municipalities();
  for (const id of ids) {
    const counts = await ports.inTenant(id, (query) => applyReminderRules(query, asOf, noContactWeeks));
    for (const [kind, n] of Object.entries(counts) as [keyof ReminderCounts, number][]) created[kind] += n;
  }
  return { asOf, municipalities: ids.length, created };
}

/**
 * The municipalities' ids, read as the owning role: FORCE ROW LEVEL SECURITY
 * hides them from the application role (and from an owner that is not a
 * superuser, except through the policy `municipality_owner_list`).
 */
export async function listMunicipalityIds(ownerUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: ownerUrl, application_name: 'wegweiser-reminders' });
  await client.connect();
  try {
    return (await client.query<{ id: string }>('SELECT id FROM municipality ORDER BY code')).rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

/** Ports over plain `pg` connections (the command line, without Nest): the owner lists, the application role writes. */
export function pgReminderPorts(ownerUrl: string, appPool: Pool): ReminderRunPorts {
  return {
    municipalities: () => listMunicipalityIds(ownerUrl),
    inTenant: async (municipalityId, work) => {
      const client = await appPool.connect();
      try {
        await client.query('BEGIN');
        await client.query(SET_TENANT_SQL, [municipalityId, '']);
        const result = await work(async (sql, params) => (await client.query(sql, params)).rows);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
