import { Inject, Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TenantTransactions } from '@wegweiser/api/database';
import { JOBS_OPTIONS, JobsOptions } from '@wegweiser/api/jobs';
import { ClsService } from 'nestjs-cls';
import { Client } from 'pg';
import { ErasureService } from './erasure.service';
import { DUE_CLIENTS_SQL } from './retention.sql';

interface DueClient {
  id: string;
  case_number: string;
  held: boolean;
}

/** What a run did: counts only. */
export interface RetentionRunResult {
  municipalities: number;
  erased: number;
  onHold: number;
}

/** What a run would erase in the tenant's municipality (case numbers, for the administrator's review). */
export interface RetentionDryRun {
  caseNumbers: string[];
  onHold: number;
}

/** Every municipality's id, read as the owning role (policy `municipality_owner_list`). */
export async function listMunicipalityIds(ownerUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: ownerUrl, application_name: 'wegweiser-retention' });
  await client.connect();
  try {
    return (await client.query<{ id: string }>('SELECT id FROM municipality ORDER BY code')).rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

/**
 * The retention run: in every municipality (each in its own tenant
 * transactions, under row-level security), every client past the period and
 * not on legal hold is erased, each in its own transaction that locks the
 * client and checks again that it is due — so a second run, or another
 * instance running at the same time, erases nothing twice. Logs counts only.
 */
@Injectable()
export class RetentionRun {
  private readonly logger = new Logger(RetentionRun.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly transactions: TenantTransactions,
    private readonly erasure: ErasureService,
    private readonly cls: ClsService,
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptions,
  ) {}

  async run(today: string): Promise<RetentionRunResult> {
    const municipalities = await listMunicipalityIds(this.options.ownerUrl);
    let erased = 0;
    let onHold = 0;
    for (const municipalityId of municipalities) {
      const due = await this.inTenant(municipalityId, () => this.due(today));
      onHold += due.filter((c) => c.held).length;
      for (const client of due.filter((c) => !c.held)) {
        if (await this.inTenant(municipalityId, () => this.erasure.eraseIfDue(client.id, today))) erased++;
      }
    }
    const result = { municipalities: municipalities.length, erased, onHold };
    this.logger.log({ today, ...result }, 'Retention run finished');
    return result;
  }

  /** In the current tenant transaction (the administrator's request): what `run(today)` would erase there. */
  async dryRun(today: string): Promise<RetentionDryRun> {
    const due = await this.due(today);
    return { caseNumbers: due.filter((c) => !c.held).map((c) => c.case_number), onHold: due.filter((c) => c.held).length };
  }

  private async due(today: string): Promise<DueClient[]> {
    return (await this.txHost.tx.query(DUE_CLIENTS_SQL, [today])) as DueClient[];
  }

  private inTenant<T>(municipalityId: string, work: () => Promise<T>): Promise<T> {
    return this.cls.run(() => this.transactions.withTenant(municipalityId, null, work));
  }
}
