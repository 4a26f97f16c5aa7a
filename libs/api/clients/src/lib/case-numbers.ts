import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';

/** `ES-2026-00123`: municipality code, year, running number per municipality and year (at least five digits). */
export function formatCaseNumber(municipalityCode: string, year: number, runningNumber: number): string {
  return `${municipalityCode}-${year}-${String(runningNumber).padStart(5, '0')}`;
}

/**
 * Allocates case numbers from `case_number_counter`. The upsert takes the
 * counter row's lock until the request's transaction ends, so concurrent
 * allocations of one municipality and year queue up instead of colliding,
 * and a request that fails gives its number back (no gaps).
 */
@Injectable()
export class CaseNumbers {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async next(municipalityId: string, year: number): Promise<string> {
    const [municipality] = (await this.txHost.tx.query('SELECT code FROM municipality WHERE id = $1', [municipalityId])) as { code: string }[];
    if (!municipality) throw new Error('municipality of the signed-in user not found');
    const [counter] = (await this.txHost.tx.query(
      `INSERT INTO case_number_counter (municipality_id, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (municipality_id, year) DO UPDATE SET last_value = case_number_counter.last_value + 1
       RETURNING last_value`,
      [municipalityId, year],
    )) as { last_value: number }[];
    if (!counter) throw new Error('case number counter returned no value');
    return formatCaseNumber(municipality.code, year, Number(counter.last_value));
  }
}
