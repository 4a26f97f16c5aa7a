import { ConflictException, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { AfterCommit } from '@wegweiser/api/database';
import { EvaluationRecordService } from '@wegweiser/api/evaluation';
import { ErasureService } from './erasure.service';
import { DELETE_CLIENT_SQL, INSERT_LEDGER_SQL, LOCK_CLIENT_SQL, LOCK_DUE_CLIENT_SQL } from './retention.sql';

const CLIENT = '11111111-1111-4111-8111-111111111111';
const MUNICIPALITY = '22222222-2222-4222-8222-222222222222';

/** The pipeline against fakes that log every step in order. */
function setUp(locked: object[]) {
  const steps: string[] = [];
  const query = jest.fn(async (sql: string, params: unknown[]) => {
    steps.push(sql === LOCK_CLIENT_SQL || sql === LOCK_DUE_CLIENT_SQL ? 'lock' : sql === DELETE_CLIENT_SQL ? 'delete' : sql === INSERT_LEDGER_SQL ? `ledger:${String(params[3])}:${String(params[2])}` : 'other');
    return sql === LOCK_CLIENT_SQL || sql === LOCK_DUE_CLIENT_SQL ? locked : [];
  });
  const txHost = { tx: { query } } as unknown as TransactionHost<TransactionalAdapterTypeOrm>;
  const records = { recordForErasure: jest.fn(async () => void steps.push('record')) } as unknown as EvaluationRecordService;
  const audit = { record: jest.fn(async () => (steps.push('audit'), '1')) } as unknown as AuditService;
  const afterCommit = { add: jest.fn(() => void steps.push('after-commit:ledger-file')) } as unknown as AfterCommit;
  return { steps, query, audit, service: new ErasureService(txHost, records, audit, afterCommit) };
}

describe('ErasureService', () => {
  it('records the anonymous outcome once, right before the deletion, then writes the ledger and audits ids only', async () => {
    const { steps, audit, service } = setUp([{ id: CLIENT, municipality_id: MUNICIPALITY, held: false }]);
    await service.erase(CLIENT, 'request', '2027-03-01');
    expect(steps).toEqual(['lock', 'record', 'delete', 'ledger:request:2027-03-01', 'audit', 'after-commit:ledger-file']);
    expect(audit.record).toHaveBeenCalledWith({ action: 'delete', outcome: 'success', entityType: 'client', entityId: CLIENT, clientId: CLIENT, municipalityId: MUNICIPALITY });
  });

  it('refuses a client on legal hold (409 legalHold) before anything is recorded or deleted', async () => {
    const { steps, service } = setUp([{ id: CLIENT, municipality_id: MUNICIPALITY, held: true }]);
    const error = await service.erase(CLIENT, 'request', '2027-03-01').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictException);
    expect((error as ConflictException).getResponse()).toEqual(expect.objectContaining({ code: 'legalHold' }));
    expect(steps).toEqual(['lock']);
  });

  it('answers 404 for a client that is not there (erased meanwhile or out of reach)', async () => {
    const { steps, service } = setUp([]);
    await expect(service.erase(CLIENT, 'request', '2027-03-01')).rejects.toBeInstanceOf(NotFoundException);
    expect(steps).toEqual(['lock']);
  });

  it('retention erases a client that is still due, and does nothing (no record, no audit) when it no longer is', async () => {
    const due = setUp([{ id: CLIENT, municipality_id: MUNICIPALITY }]);
    await expect(due.service.eraseIfDue(CLIENT, '2030-01-02')).resolves.toBe(true);
    expect(due.steps).toEqual(['lock', 'record', 'delete', 'ledger:retention:2030-01-02', 'audit', 'after-commit:ledger-file']);
    expect(due.query).toHaveBeenCalledWith(LOCK_DUE_CLIENT_SQL, ['2030-01-02', CLIENT]);

    const gone = setUp([]);
    await expect(gone.service.eraseIfDue(CLIENT, '2030-01-02')).resolves.toBe(false);
    expect(gone.steps).toEqual(['lock']);
  });
});
