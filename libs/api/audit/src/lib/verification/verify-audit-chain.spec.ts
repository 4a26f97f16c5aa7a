import { describeAuditChainVerification, toAuditChainVerification, VERIFY_AUDIT_CHAIN_SQL } from './verify-audit-chain';

const M = '0f6b6c1e-7a0c-4a43-9b5e-2c1d3e4f5a6b';

describe('audit chain verification result', () => {
  it('reports an intact chain with the number of events checked', () => {
    const result = toAuditChainVerification({ owner: true, checked: '1234', checkpoints: '0', id: null, municipality_id: null, reason: null });
    expect(result).toEqual({ checked: 1234 });
    expect(describeAuditChainVerification(result)).toBe('Audit chain intact: 1234 events checked');
  });

  it('names the first broken event, its municipality and why', () => {
    const result = toAuditChainVerification({ owner: true, checked: '10', checkpoints: '0', id: '7', municipality_id: M, reason: 'hashMismatch' });
    expect(result.brokenAt).toEqual({ municipalityId: M, id: '7', reason: 'hashMismatch' });
    expect(describeAuditChainVerification(result)).toBe(`Audit chain broken at event 7 (municipality ${M}): hashMismatch`);
  });

  it('names the chain of unknown municipality as such', () => {
    const result = toAuditChainVerification({ owner: true, checked: '3', checkpoints: '0', id: '2', municipality_id: null, reason: 'prevHashMismatch' });
    expect(describeAuditChainVerification(result)).toBe('Audit chain broken at event 2 (municipality unknown): prevHashMismatch');
  });

  it('says how many chains start at a retention checkpoint when intact', () => {
    const result = toAuditChainVerification({ owner: true, checked: '40', checkpoints: '2', id: null, municipality_id: null, reason: null });
    expect(result).toEqual({ checked: 40, fromCheckpoint: 2 });
    expect(describeAuditChainVerification(result)).toBe('Audit chain intact: 40 events checked (2 chain(s) from a retention checkpoint)');
  });

  it('still reports a break in a chain that starts at a checkpoint', () => {
    const result = toAuditChainVerification({ owner: true, checked: '40', checkpoints: '1', id: '31', municipality_id: M, reason: 'prevHashMismatch' });
    expect(result).toEqual({ checked: 40, fromCheckpoint: 1, brokenAt: { municipalityId: M, id: '31', reason: 'prevHashMismatch' } });
    expect(describeAuditChainVerification(result)).toBe(`Audit chain broken at event 31 (municipality ${M}): prevHashMismatch`);
  });

  it('starts each chain at its latest checkpoint, else at genesis', () => {
    expect(VERIFY_AUDIT_CHAIN_SQL).toMatch(/coalesce\(lag\(e\.hash\) OVER \(PARTITION BY e\.municipality_id ORDER BY e\.id\), s\.last_hash, 'genesis'\)/);
    expect(VERIFY_AUDIT_CHAIN_SQL).toMatch(/DISTINCT ON \(municipality_id\)[\s\S]*ORDER BY municipality_id, last_id DESC/);
  });

  it('refuses to call a chain intact that it could not see (not the owner)', () => {
    expect(() => toAuditChainVerification({ owner: false, checked: '0', checkpoints: '0', id: null, municipality_id: null, reason: null })).toThrow(/owner/);
  });
});
