import { AuditEventRow, buildAuditPageQuery, toAuditPage } from './audit-page';

const M = '0f6b6c1e-7a0c-4a43-9b5e-2c1d3e4f5a6b';

const row = (id: number): AuditEventRow => ({
  id: String(id),
  occurred_at: new Date(Date.UTC(2026, 0, 31, 12, 0, id)),
  user_id: null,
  role: 'dpo',
  action: 'login',
  entity_type: 'user',
  entity_id: null,
  client_id: null,
  outcome: 'success',
  request_id: 'req-12345678',
});

describe('buildAuditPageQuery', () => {
  it('without filters: the municipality, newest first, one row more than the default page', () => {
    const query = buildAuditPageQuery(M, {});
    expect(query.params).toEqual([M, 51]);
    expect(query.limit).toBe(50);
    expect(query.sql).toMatch(/WHERE municipality_id = \$1\s+ORDER BY audit_event\.id DESC\s+LIMIT \$2$/);
  });

  it('binds every filter as a parameter, in order', () => {
    const query = buildAuditPageQuery(M, {
      clientId: 'c',
      userId: 'u',
      action: 'export',
      from: '2026-01-01T00:00:00Z',
      to: '2026-02-01T00:00:00Z',
      before: '42',
      limit: 10,
    });
    expect(query.params).toEqual([M, 'c', 'u', 'export', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', '42', 11]);
    expect(query.sql).toContain(
      'municipality_id = $1 AND client_id = $2 AND user_id = $3 AND action = $4 AND occurred_at >= $5::timestamptz AND occurred_at < $6::timestamptz AND id < $7::bigint',
    );
    expect(query.sql).toContain('LIMIT $8');
  });
});

describe('toAuditPage', () => {
  it('returns a cursor when an older page exists', () => {
    const page = toAuditPage([row(5), row(4), row(3)], 2);
    expect(page.items.map((item) => item.id)).toEqual(['5', '4']);
    expect(page.nextBefore).toBe('4');
  });

  it('returns no cursor on the last page', () => {
    expect(toAuditPage([row(2), row(1)], 2).nextBefore).toBeNull();
    expect(toAuditPage([], 2)).toEqual({ items: [], nextBefore: null });
  });

  it('maps a row to the response shape with the time in UTC ISO 8601', () => {
    expect(toAuditPage([row(7)], 1).items[0]).toEqual({
      id: '7',
      occurredAt: '2026-01-31T12:00:07.000Z',
      userId: null,
      role: 'dpo',
      action: 'login',
      entityType: 'user',
      entityId: null,
      clientId: null,
      outcome: 'success',
      requestId: 'req-12345678',
    });
  });
});
