import { ConfigError, loadConfig } from './load-config';

const KEY = 'q1Tx0a8m7dI5o2oH0z0aMZgW6v3m5QpE8rVnX2gYb1k=';
const FIELD_KEYS = { FIELD_ENCRYPTION_KEYS: `k1:${KEY}`, FIELD_ENCRYPTION_ACTIVE_KEY: 'k1' };

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
      loadConfig({ DATABASE_URL: 'postgres://owner@db/wegweiser', DATABASE_APP_PASSWORD: 'long-enough-secret', SESSION_SECRET: 's'.repeat(32), ...FIELD_KEYS }).DATABASE_URL,
    ).toBe('postgres://owner@db/wegweiser');
    expect(
      loadConfig({ DATABASE_URL: 'postgres://owner@db/w', DATABASE_APP_URL: 'postgres://app:pw@db/w', SESSION_SECRET: 's'.repeat(32), ...FIELD_KEYS }).DATABASE_APP_URL,
    ).toBe('postgres://app:pw@db/w');
  });

  it('requires SESSION_SECRET (32+ characters) when DATABASE_URL is set', () => {
    const base = { DATABASE_URL: 'postgres://owner@db/w', DATABASE_APP_PASSWORD: 'long-enough-secret' };
    expect(() => loadConfig(base)).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ ...base, SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
  });

  it('requires the field-encryption keys when DATABASE_URL is set, and checks their shape', () => {
    const base = { DATABASE_URL: 'postgres://owner@db/w', DATABASE_APP_PASSWORD: 'long-enough-secret', SESSION_SECRET: 's'.repeat(32) };
    expect(() => loadConfig(base)).toThrow(/FIELD_ENCRYPTION_KEYS: /);
    expect(() => loadConfig(base)).toThrow(/FIELD_ENCRYPTION_ACTIVE_KEY: /);
    expect(loadConfig({ ...base, ...FIELD_KEYS }).FIELD_ENCRYPTION_ACTIVE_KEY).toBe('k1');
    expect(loadConfig({ ...base, FIELD_ENCRYPTION_KEYS: `k1:${KEY}, k2:${KEY}`, FIELD_ENCRYPTION_ACTIVE_KEY: 'k2' }).FIELD_ENCRYPTION_ACTIVE_KEY).toBe('k2');
    for (const keys of ['k1:c2hvcnQ=', `k1:${KEY}x`, `k:1:${KEY}`, `k1 ${KEY}`]) {
      expect(() => loadConfig({ ...base, FIELD_ENCRYPTION_KEYS: keys, FIELD_ENCRYPTION_ACTIVE_KEY: 'k1' })).toThrow(/FIELD_ENCRYPTION_KEYS: /);
    }
    expect(() => loadConfig({ ...base, ...FIELD_KEYS, FIELD_ENCRYPTION_ACTIVE_KEY: 'k9' })).toThrow(/FIELD_ENCRYPTION_ACTIVE_KEY: /);
    expect(() => loadConfig({ ...base, FIELD_ENCRYPTION_KEYS: `k1:${KEY},k1:${KEY}`, FIELD_ENCRYPTION_ACTIVE_KEY: 'k1' })).toThrow(/FIELD_ENCRYPTION_ACTIVE_KEY: /);
  });

  it('leaves the field-encryption keys optional for the embedded database, but checks them when given', () => {
    expect(loadConfig({}).FIELD_ENCRYPTION_KEYS).toBeUndefined();
    expect(() => loadConfig({ FIELD_ENCRYPTION_KEYS: `k1:${KEY}` })).toThrow(/FIELD_ENCRYPTION_ACTIVE_KEY: /);
  });

  it('never puts a key into its error messages', () => {
    try {
      loadConfig({ FIELD_ENCRYPTION_KEYS: `k1:${KEY}`, FIELD_ENCRYPTION_ACTIVE_KEY: 'k2' });
      throw new Error('accepted');
    } catch (error) {
      expect((error as Error).message).not.toContain(KEY);
    }
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });
});
