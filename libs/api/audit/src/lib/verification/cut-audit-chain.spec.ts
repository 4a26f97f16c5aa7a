import { planAuditCut } from './cut-audit-chain';

describe('audit chain cut plan', () => {
  it('does nothing when no row is older than the cut-off', () => {
    expect(planAuditCut({ rows: '0', broken_id: null, last_id: null })).toEqual({ kind: 'nothing' });
  });

  it('checkpoints at the last old row and deletes the whole old segment', () => {
    expect(planAuditCut({ rows: '12', broken_id: null, last_id: '57' })).toEqual({ kind: 'cut', lastId: '57', count: 12 });
  });

  it('refuses to delete a segment that does not verify (the evidence stays)', () => {
    expect(planAuditCut({ rows: '12', broken_id: '50', last_id: '57' })).toEqual({ kind: 'refuse', brokenAt: '50' });
  });
});
