import { ARGON2_OPTIONS, PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();
  const password = 'tanzende-giraffe-im-rathaus';
  let hash: string;

  beforeAll(async () => {
    await hasher.onModuleInit();
    hash = await hasher.hash(password);
  });

  it('uses the OWASP minimum for argon2id', () => {
    expect(ARGON2_OPTIONS).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  });

  /** `$argon2id$v=19$m=19456,p=1,t=2$<salt>$<hash>` -> its parts. */
  const parse = (phc: string) => {
    const [, algorithm, version, params, salt, digest] = phc.split('$');
    return { algorithm, version, params: Object.fromEntries(params.split(',').map((pair) => pair.split('='))), salt, digest };
  };

  it('produces an argon2id PHC string with m=19456, t=2, p=1', () => {
    expect(hash.startsWith('$argon2id$')).toBe(true);
    const { algorithm, version, params, salt, digest } = parse(hash);
    expect({ algorithm, version, params }).toEqual({ algorithm: 'argon2id', version: 'v=19', params: { m: '19456', t: '2', p: '1' } });
    expect(salt).toMatch(/^[A-Za-z0-9+/]{22}$/);
    expect(digest).toMatch(/^[A-Za-z0-9+/]{43}$/);
  });

  it('never contains the password', () => {
    expect(hash).not.toContain(password);
    expect(hash).not.toContain(Buffer.from(password).toString('base64').replace(/=+$/, ''));
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hasher.hash(password)).not.toBe(hash);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    expect(await hasher.verify(hash, password)).toBe(true);
    expect(await hasher.verify(hash, 'tanzende-giraffe-im-rathau')).toBe(false);
    expect(await hasher.verify(hash, password.toUpperCase())).toBe(false);
    expect(await hasher.verify(hash, '')).toBe(false);
  });

  it('verifies the same password in another Unicode normal form', async () => {
    const composed = 'Grüße aus Köln am Rhein';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(await hasher.verify(await hasher.hash(composed), decomposed)).toBe(true);
  });

  it.each([
    ['an empty hash', ''],
    ['garbage', 'not-a-hash'],
    ['a bcrypt hash', '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy'],
    ['a truncated argon2 hash', '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ'],
  ])('returns false, without throwing, for %s', async (_, malformed) => {
    await expect(hasher.verify(malformed, password)).resolves.toBe(false);
  });

  it('returns false for non-string input', async () => {
    await expect(hasher.verify(hash, undefined as unknown as string)).resolves.toBe(false);
    await expect(hasher.verify(null as unknown as string, password)).resolves.toBe(false);
  });

  it('asks for a rehash of hashes with other parameters or algorithms, not of current ones', async () => {
    expect(hasher.needsRehash(hash)).toBe(false);
    expect(hasher.needsRehash(hash.replace('m=19456', 'm=65536'))).toBe(true);
    expect(hasher.needsRehash(hash.replace('t=2', 't=3'))).toBe(true);
    expect(hasher.needsRehash(hash.replace('$argon2id$', '$argon2i$'))).toBe(true);
    expect(hasher.needsRehash('$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy')).toBe(true);
    expect(hasher.needsRehash('$argon2id$garbage')).toBe(true);
  });

  it('dummyVerify answers false, even for the password of a real account', async () => {
    await expect(hasher.dummyVerify(password)).resolves.toBe(false);
  });

  it('dummyVerify runs a real argon2id verification with the configured cost (no timing shortcut)', async () => {
    const verify = jest.spyOn(hasher, 'verify');
    try {
      await hasher.dummyVerify('wrong password guess');
      expect(verify).toHaveBeenCalledTimes(1);
      const [usedHash] = verify.mock.calls[0] ?? [];
      // argon2id with exactly the configured parameters (needsRehash is false only for those).
      expect(String(usedHash).startsWith('$argon2id$')).toBe(true);
      expect(hasher.needsRehash(String(usedHash))).toBe(false);
      expect(usedHash).not.toBe(hash);
      await expect(verify.mock.results[0]?.value).resolves.toBe(false);
    } finally {
      verify.mockRestore();
    }
  });
});
