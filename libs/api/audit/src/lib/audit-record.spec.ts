import { AuditActor, InvalidAuditRecordError, toAppendParams } from './audit-record';

const M = '0f6b6c1e-7a0c-4a43-9b5e-2c1d3e4f5a6b';
const U = '5d2c7e8f-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const C = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const signedIn: AuditActor = { municipalityId: M, userId: U, role: 'manager', requestId: 'req-12345678' };
const nobody: AuditActor = { municipalityId: null, userId: null, role: null, requestId: null };

describe('toAppendParams', () => {
  it('takes who and where from the request context by default', () => {
    expect(toAppendParams({ action: 'read', outcome: 'success', entityType: 'client', entityId: C, clientId: C }, signedIn)).toEqual([
      M,
      U,
      'manager',
      'read',
      'client',
      C,
      C,
      'success',
      'req-12345678',
    ]);
  });

  it('lets the caller name the actor, and keeps an explicit null as "nobody"', () => {
    const other = '7e6d5c4b-3a29-4817-a6b5-c4d3e2f1a0b9';
    expect(toAppendParams({ action: 'login', outcome: 'success', municipalityId: other, userId: other, role: 'dpo' }, nobody).slice(0, 3)).toEqual([
      other,
      other,
      'dpo',
    ]);
    expect(toAppendParams({ action: 'login_failed', outcome: 'failure', municipalityId: null, userId: null, role: null }, signedIn).slice(0, 3)).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('falls back to the unknown-municipality chain without a signed-in user', () => {
    const params = toAppendParams({ action: 'denied', outcome: 'denied', entityType: 'route', entityId: null }, nobody);
    expect(params).toEqual([null, null, null, 'denied', 'route', null, null, 'denied', null]);
  });

  it('normalises uuids to lower case (the hash covers their text)', () => {
    expect(toAppendParams({ action: 'read', outcome: 'success', clientId: C.toUpperCase() }, signedIn)[6]).toBe(C);
  });

  it('drops a request id that is not an opaque identifier', () => {
    expect(toAppendParams({ action: 'read', outcome: 'success' }, { ...signedIn, requestId: 'a b|c' })[8]).toBeNull();
  });

  it.each([
    ['entityId', { entityId: 'Ayşe Yılmaz' }],
    ['entityType', { entityType: 'Note text' }],
    ['clientId', { clientId: 'CASE-2024-001' }],
    ['userId', { userId: 'someone@example.org' }],
    ['role', { role: 'superuser' as never }],
    ['action', { action: 'view' as never }],
    ['outcome', { outcome: 'maybe' as never }],
  ])('refuses anything but ids and known words in %s, without echoing the value', (field, change) => {
    const attempt = () => toAppendParams({ action: 'read', outcome: 'success', ...change }, signedIn);
    expect(attempt).toThrow(InvalidAuditRecordError);
    expect(attempt).toThrow(`Invalid audit record: ${field}`);
    for (const value of Object.values(change)) expect(attempt).not.toThrow(String(value));
  });

  it('refuses a user or client without a municipality', () => {
    expect(() => toAppendParams({ action: 'read', outcome: 'success', municipalityId: null, clientId: C }, signedIn)).toThrow('municipalityId');
  });
});
