import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('applies defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.EMBEDDED_PG_DATA_DIR).toBe('./var/postgres');
    expect(config.DEMO_DATA).toBe('auto');
  });

  it('converts numbers and booleans', () => {
    const config = loadConfig({ PORT: '8080', TRUST_PROXY: 'true', DATABASE_POOL_SIZE: '4' });
    expect(config.PORT).toBe(8080);
    expect(config.TRUST_PROXY).toBe(true);
    expect(config.DATABASE_POOL_SIZE).toBe(4);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['LOG_LEVEL', 'loud'],
    ['DEMO_DATA', 'maybe'],
    ['TRUST_PROXY', 'yes please'],
    ['DATABASE_APP_ROLE', 'Robert; DROP'],
  ])('names the malformed variable %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${name}: `))]));
    }
  });

  it('requires DATABASE_APP_PASSWORD when DATABASE_URL is set', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://owner@db/wegweiser' })).toThrow(/DATABASE_APP_PASSWORD/);
    expect(
      loadConfig({ DATABASE_URL: 'postgres://owner@db/wegweiser', DATABASE_APP_PASSWORD: 'long-enough-secret', SESSION_SECRET: 's'.repeat(32) }).DATABASE_URL,
    ).toBe('postgres://owner@db/wegweiser');
    expect(
      loadConfig({ DATABASE_URL: 'postgres://owner@db/w', DATABASE_APP_URL: 'postgres://app:pw@db/w', SESSION_SECRET: 's'.repeat(32) }).DATABASE_APP_URL,
    ).toBe('postgres://app:pw@db/w');
  });

  it('requires SESSION_SECRET (32+ characters) when DATABASE_URL is set', () => {
    const base = { DATABASE_URL: 'postgres://owner@db/w', DATABASE_APP_PASSWORD: 'long-enough-secret' };
    expect(() => loadConfig(base)).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ ...base, SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });
});
