import { normalizeRecoveryCode, RECOVERY_CODE_ALPHABET, RecoveryCodes } from './recovery-codes';

describe('RecoveryCodes', () => {
  const recovery = new RecoveryCodes();
  const FORMAT = new RegExp(`^[${RECOVERY_CODE_ALPHABET}]{4}-[${RECOVERY_CODE_ALPHABET}]{4}-[${RECOVERY_CODE_ALPHABET}]{4}$`);

  it('uses 32 distinct symbols without i, l, o, u', () => {
    expect(new Set(RECOVERY_CODE_ALPHABET).size).toBe(32);
    expect(RECOVERY_CODE_ALPHABET).not.toMatch(/[ilou]/);
  });

  describe('generate', () => {
    it('makes 10 codes formatted xxxx-xxxx-xxxx by default', () => {
      const codes = recovery.generate();
      expect(codes).toHaveLength(10);
      for (const code of codes) expect(code).toMatch(FORMAT);
    });

    it('makes the requested number of distinct codes', () => {
      const codes = recovery.generate(100);
      expect(new Set(codes).size).toBe(100);
    });

    it('does not repeat codes across calls and uses the whole alphabet', () => {
      const codes = Array.from({ length: 50 }, () => recovery.generate()).flat();
      expect(new Set(codes).size).toBe(codes.length);
      expect(new Set(codes.join('').replace(/-/g, ''))).toEqual(new Set(RECOVERY_CODE_ALPHABET));
    });

    it.each([0, -1, 1.5, 101, Number.NaN])('refuses count %p', (count) => {
      expect(() => recovery.generate(count)).toThrow(RangeError);
    });
  });

  describe('hash', () => {
    const code = 'ab12-cd34-ef56';

    it('is the SHA-256 hex of the normalised code, without the code in it', () => {
      const hash = recovery.hash(code);
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      // printf 'ab12cd34ef56' | sha256sum
      expect(hash).toBe('d8de14bc62a592ef3d909da07d86d1833561228ccaa1b8e48fdf29c7ca88d5f2');
      expect(hash).not.toContain('ab12');
    });

    it.each(['AB12-CD34-EF56', 'ab12cd34ef56', ' ab12 cd34 ef56 ', 'Ab12-Cd34Ef56'])('ignores case, dashes and spaces: %p', (variant) => {
      expect(recovery.hash(variant)).toBe(recovery.hash(code));
    });

    it('reads look-alikes as digits (o -> 0, i/l -> 1)', () => {
      expect(recovery.hash('0a1b-0c1d-2e3f')).toBe(recovery.hash('Oaib-ocLd-2e3f'));
    });

    it('differs for different codes', () => {
      expect(recovery.hash('ab12-cd34-ef56')).not.toBe(recovery.hash('ab12-cd34-ef57'));
    });

    it.each(['', 'ab12-cd34', 'ab12-cd34-ef56-gh78', 'ab12-cd34-ef5u', 'ab12_cd34_ef56'])('throws for the malformed %p', (malformed) => {
      expect(() => recovery.hash(malformed)).toThrow(TypeError);
    });
  });

  describe('consume', () => {
    const codes = recovery.generate();
    const hashes = codes.map((code) => recovery.hash(code));

    it('removes exactly the matching hash', () => {
      const remaining = recovery.consume(hashes, codes[3]);
      expect(remaining).toHaveLength(9);
      expect(remaining).toEqual(hashes.filter((_, index) => index !== 3));
    });

    it('accepts the code typed loosely', () => {
      expect(recovery.consume(hashes, codes[0].toUpperCase().replace(/-/g, ' '))).toHaveLength(9);
    });

    it('does not change the input array', () => {
      const copy = [...hashes];
      recovery.consume(hashes, codes[0]);
      expect(hashes).toEqual(copy);
    });

    it('makes a used code fail the next time', () => {
      const remaining = recovery.consume(hashes, codes[5]);
      expect(remaining).not.toBeNull();
      expect(recovery.consume(remaining ?? [], codes[5])).toBeNull();
      expect(recovery.consume(remaining ?? [], codes[6])).toHaveLength(8);
    });

    it('removes only one entry if a hash is stored twice', () => {
      expect(recovery.consume([hashes[0], hashes[0], hashes[1]], codes[0])).toEqual([hashes[0], hashes[1]]);
    });

    it('returns null for an unknown, malformed or empty input', () => {
      expect(recovery.consume(hashes, recovery.generate(1)[0])).toBeNull();
      expect(recovery.consume(hashes, 'not a code')).toBeNull();
      expect(recovery.consume([], codes[0])).toBeNull();
      expect(recovery.consume(hashes, undefined as unknown as string)).toBeNull();
    });

    it('skips malformed stored hashes', () => {
      expect(recovery.consume(['', 'zz', hashes[2].toUpperCase(), hashes[2]], codes[2])).toEqual(['', 'zz', hashes[2].toUpperCase()]);
    });
  });

  it('normalizeRecoveryCode returns null for anything that cannot be a code', () => {
    expect(normalizeRecoveryCode('AB12-CD34-EF56')).toBe('ab12cd34ef56');
    expect(normalizeRecoveryCode('ab12-cd34-ef5!')).toBeNull();
  });
});
