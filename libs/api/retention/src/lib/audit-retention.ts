import { Inject, Injectable, Logger } from '@nestjs/common';
import { cutAuditChain } from '@wegweiser/api/audit';
import { CALENDAR_TIME_ZONE } from '@wegweiser/api/core';
import { JOBS_OPTIONS, JobsOptions } from '@wegweiser/api/jobs';
import { RETENTION_DEFAULTS } from '@wegweiser/shared/contracts';
import { Client } from 'pg';

/** What an audit retention run did: counts only. */
export interface AuditRetentionResult {
  /** Chains looked at: one per municipality, plus the unknown-municipality chain. */
  chains: number;
  deleted: number;
  /** Chains whose old rows did not verify and were therefore kept. */
  refused: number;
}

/**
 * The start of the day `today − months` in Germany, as a timestamptz: rows
 * before it are past the period. For a municipality the months are its
 * policy's `audit_retention_months` (read under its row-level security),
 * else the default; for the unknown-municipality chain always the default.
 */
const CUTOFF_SQL = `
  SELECT ((($1::date - make_interval(months => coalesce(
             CASE WHEN $2::uuid IS NULL THEN NULL
                  ELSE (SELECT audit_retention_months FROM retention_policy WHERE municipality_id = $2::uuid) END,
             $3::int)))::timestamp) AT TIME ZONE '${CALENDAR_TIME_ZONE}')::text AS cutoff`;

/**
 * Audit retention (part of the daily retention job): in every chain, the
 * rows older than the municipality's audit period are deleted as the owning
 * role, after recording a checkpoint that `audit:verify` starts from
 * (`cutAuditChain`). Safe to repeat and to run twice at once. Logs counts only.
 */
@Injectable()
export class AuditRetention {
  private readonly logger = new Logger(AuditRetention.name);

  constructor(@Inject(JOBS_OPTIONS) private readonly options: JobsOptions) {}

  async purge(today: string): Promise<AuditRetentionResult> {
    const owner = new Client({ connectionString: this.options.ownerUrl, application_name: 'wegweiser-retention' });
    await owner.connect();
    try {
      const municipalities = (await owner.query<{ id: string }>('SELECT id FROM municipality ORDER BY code')).rows.map((r) => r.id);
      let deleted = 0;
      let refused = 0;
      for (const municipalityId of [...municipalities, null]) {
        const cut = await cutAuditChain(owner, municipalityId, await this.cutoff(owner, today, municipalityId));
        deleted += cut.deleted;
        if (cut.brokenAt) refused++;
      }
      const result = { chains: municipalities.length + 1, deleted, refused };
      if (refused > 0) this.logger.warn({ today, ...result }, 'Audit rows kept: a chain did not verify (run audit:verify)');
      this.logger.log({ today, ...result }, 'Audit retention finished');
      return result;
    } finally {
      await owner.end();
    }
  }

  private async cutoff(owner: Client, today: string, municipalityId: string | null): Promise<string> {
    await owner.query('BEGIN');
    try {
      await owner.query(`SELECT set_config('app.municipality_id', $1, true)`, [municipalityId ?? '']);
      const { rows } = await owner.query<{ cutoff: string }>(CUTOFF_SQL, [today, municipalityId, RETENTION_DEFAULTS.auditRetentionMonths]);
      await owner.query('COMMIT');
      const cutoff = rows[0]?.cutoff;
      if (!cutoff) throw new Error('No audit cut-off computed.');
      return cutoff;
    } catch (error) {
      await owner.query('ROLLBACK');
      throw error;
    }
  }
}
