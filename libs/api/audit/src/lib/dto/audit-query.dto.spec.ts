import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AuditQueryDto } from './audit-query.dto';

const check = (query: Record<string, string>) => {
  const dto = plainToInstance(AuditQueryDto, query);
  const failed = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }).map((error) => error.property);
  return { dto, failed };
};

describe('AuditQueryDto', () => {
  it('accepts no filter at all', () => {
    expect(check({}).failed).toEqual([]);
  });

  it('accepts every filter and turns limit into a number', () => {
    const { dto, failed } = check({
      clientId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      userId: '5d2c7e8f-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
      action: 'login_failed',
      from: '2026-01-01T00:00:00Z',
      to: '2026-01-31T23:59:59.999+01:00',
      before: '123456',
      limit: '200',
    });
    expect(failed).toEqual([]);
    expect(dto.limit).toBe(200);
  });

  it.each([
    ['clientId', { clientId: 'Ayşe Yılmaz' }],
    ['userId', { userId: '42' }],
    ['action', { action: 'view' }],
    ['from', { from: 'yesterday' }],
    ['from', { from: '2026-01-01' }],
    ['to', { to: '2026-01-01T10:00:00' }],
    ['before', { before: '0' }],
    ['before', { before: '-1' }],
    ['before', { before: '99999999999999999999' }],
    ['limit', { limit: '0' }],
    ['limit', { limit: '201' }],
    ['limit', { limit: '1.5' }],
    ['limit', { limit: 'all' }],
    ['search', { search: 'Yılmaz' }],
  ])('refuses a bad %s', (field, query) => {
    expect(check(query).failed).toEqual([field]);
  });
});
