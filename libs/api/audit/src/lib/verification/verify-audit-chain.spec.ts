import { describeAuditChainVerification, toAuditChainVerification } from './verify-audit-chain';

const M = '0f6b6c1e-7a0c-4a43-9b5e-2c1d3e4f5a6b';

describe('audit chain verification result', () => {
  it('reports an intact chain with the number of events checked', () => {
    const result = toAuditChainVerification({ owner: true, checked: '1234', id: null, municipality_id: null, reason: null });
    expect(result).toEqual({ checked: 1234 });
    expect(describeAuditChainVerification(result)).toBe('Audit chain intact: 1234 events checked');
  });

  it('names the first broken event, its municipality and why', () => {
    const result = toAuditChainVerification({ owner: true, checked: '10', id: '7', municipality_id: M, reason: 'hashMismatch' });
    expect(result.brokenAt).toEqual({ municipalityId: M, id: '7', reason: 'hashMismatch' });
    expect(describeAuditChainVerification(result)).toBe(`Audit chain broken at event 7 (municipality ${M}): hashMismatch`);
  });

  it('names the chain of unknown municipality as such', () => {
    const result = toAuditChainVerification({ owner: true, checked: '3', id: '2', municipality_id: null, reason: 'prevHashMismatch' });
    expect(describeAuditChainVerification(result)).toBe('Audit chain broken at event 2 (municipality unknown): prevHashMismatch');
  });

  it('refuses to call a chain intact that it could not see (not the owner)', () => {
    expect(() => toAuditChainVerification({ owner: false, checked: '0', id: null, municipality_id: null, reason: null })).toThrow(/owner/);
  });
});
