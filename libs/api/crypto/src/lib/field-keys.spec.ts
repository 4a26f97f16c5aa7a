import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { FieldKeyError, formatFieldKeys, generateFieldKey, parseFieldKeys } from './field-keys';
import { loadOrCreateFieldKeyFile } from './key-file';

const secret = () => randomBytes(32).toString('base64');

describe('parseFieldKeys', () => {
  it('reads several keys and the active one', () => {
    const set = parseFieldKeys(` k1:${secret()} , k2:${secret()}`, 'k2');
    expect([...set.keys.keys()]).toEqual(['k1', 'k2']);
    expect(set.activeKeyId).toBe('k2');
    expect(set.keys.get('k1')).toHaveLength(32);
  });

  it.each([
    ['', 'k1', /no key/],
    [`k1:${randomBytes(16).toString('base64')}`, 'k1', /entry 1/],
    [`k:1:${secret()}`, 'k:1', /entry 1/],
    [`k1:${secret()},k1:${secret()}`, 'k1', /twice/],
    [`k1:${secret()}`, 'k2', /ACTIVE_KEY/],
  ])('refuses %j (active %s)', (list, active, message) => {
    expect(() => parseFieldKeys(list, active)).toThrow(FieldKeyError);
    expect(() => parseFieldKeys(list, active)).toThrow(message);
  });

  it('never puts key material into its errors', () => {
    const key = secret();
    expect(() => parseFieldKeys(`k1:${key}`, 'nope')).toThrow(expect.objectContaining({ message: expect.not.stringContaining(key) }));
  });

  it('generates fresh, valid keys with distinct ids', () => {
    const a = generateFieldKey(new Date('2026-05-12T10:00:00Z'));
    const b = generateFieldKey(new Date('2026-05-12T10:00:00Z'));
    expect(a.id).toMatch(/^k20260512-[0-9a-f]{4}$/);
    expect(a.secret).not.toBe(b.secret);
    const set = parseFieldKeys(`${a.id}:${a.secret}`, a.id);
    expect(formatFieldKeys(set)).toBe(`${a.id}:${a.secret}`);
  });
});

describe('loadOrCreateFieldKeyFile', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'ww-keys-'))));
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('creates the file once (owner-only) and reads the same keys afterwards', async () => {
    const path = join(dir, 'postgres.keys');
    const first = await loadOrCreateFieldKeyFile(path);
    expect(first.created).toBe(true);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const second = await loadOrCreateFieldKeyFile(path);
    expect(second.created).toBe(false);
    expect(second.keys.activeKeyId).toBe(first.keys.activeKeyId);
    expect(formatFieldKeys(second.keys)).toBe(formatFieldKeys(first.keys));
  });

  it('reads an edited file with an added, active key (rotation)', async () => {
    const path = join(dir, 'postgres.keys');
    const { keys } = await loadOrCreateFieldKeyFile(path);
    const text = await readFile(path, 'utf8');
    const next = generateFieldKey();
    await writeFile(
      path,
      text
        .replace(/^FIELD_ENCRYPTION_KEYS=(.*)$/m, `FIELD_ENCRYPTION_KEYS=$1,${next.id}:${next.secret}`)
        .replace(/^FIELD_ENCRYPTION_ACTIVE_KEY=.*$/m, `FIELD_ENCRYPTION_ACTIVE_KEY=${next.id}`),
    );
    const edited = await loadOrCreateFieldKeyFile(path);
    expect(edited.keys.activeKeyId).toBe(next.id);
    expect([...edited.keys.keys.keys()]).toEqual([keys.activeKeyId, next.id]);
  });

  it('refuses a damaged file naming the file, not the keys', async () => {
    const path = join(dir, 'postgres.keys');
    await writeFile(path, 'FIELD_ENCRYPTION_KEYS=k1:short\nFIELD_ENCRYPTION_ACTIVE_KEY=k1\n', { mode: 0o600 });
    await expect(loadOrCreateFieldKeyFile(path)).rejects.toThrow(/postgres\.keys is invalid/);
  });
});
