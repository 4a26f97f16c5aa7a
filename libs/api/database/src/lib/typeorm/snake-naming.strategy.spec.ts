import { SnakeNamingStrategy } from './snake-naming.strategy';

describe('SnakeNamingStrategy', () => {
  const strategy = new SnakeNamingStrategy();

  it('maps class and property names to snake_case', () => {
    expect(strategy.tableName('SupportPeriod', undefined)).toBe('support_period');
    expect(strategy.columnName('dateOfBirth', undefined, [])).toBe('date_of_birth');
    expect(strategy.columnName('street', undefined, ['contactAddress'])).toBe('contact_address_street');
    expect(strategy.joinColumnName('responsibleManager', 'id')).toBe('responsible_manager_id');
  });

  it('keeps explicit names', () => {
    expect(strategy.tableName('Client', 'klient')).toBe('klient');
    expect(strategy.columnName('x', 'custom_name', [])).toBe('custom_name');
  });
});
