import { Injectable } from '@nestjs/common';
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Crockford's base32 in lower case: digits and letters without i, l, o, u.
 * What looks alike is read alike on input (o -> 0, i/l -> 1), so a code copied
 * from paper by hand still works.
 */
export const RECOVERY_CODE_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const RECOVERY_CODE_COUNT = 10;
/** 12 symbols x 5 bit = 60 bit per code, shown as `xxxx-xxxx-xxxx`. */
const GROUPS = 3;
const GROUP_LENGTH = 4;
const CODE_LENGTH = GROUPS * GROUP_LENGTH;
const CODE_PATTERN = new RegExp(`^[${RECOVERY_CODE_ALPHABET}]{${CODE_LENGTH}}$`);
const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The code as it is hashed: lower case, without dashes and spaces, look-alikes
 * read as digits — or null if it cannot be a recovery code.
 */
export function normalizeRecoveryCode(code: string): string | null {
  if (typeof code !== 'string') return null;
  const normalized = code
    .toLowerCase()
    .replace(/[\s-]+/gu, '')
    .replace(/o/gu, '0')
    .replace(/[il]/gu, '1');
  return CODE_PATTERN.test(normalized) ? normalized : null;
}

/**
 * One-time recovery codes for the second factor. The caller shows the plain
 * codes once and stores only `hash(code)` of each.
 */
@Injectable()
export class RecoveryCodes {
  /** `count` distinct codes `xxxx-xxxx-xxxx`, from the CSPRNG (`crypto.randomInt`, no modulo bias). */
  generate(count = RECOVERY_CODE_COUNT): string[] {
    if (!Number.isInteger(count) || count < 1 || count > 100) throw new RangeError(`Cannot generate ${count} recovery codes`);
    const codes = new Set<string>();
    while (codes.size < count) codes.add(randomCode());
    return [...codes];
  }

  /**
   * SHA-256 (hex) of the normalised code. A fast, unsalted hash is enough here
   * — unlike passwords, the codes are chosen by us with 60 bit of entropy, so
   * there is no dictionary to try; each one works once, only as the second
   * factor after the password, and online guessing is rate-limited. A slow
   * hash (argon2) would only make `consume` cost ten password checks.
   */
  hash(code: string): string {
    const normalized = normalizeRecoveryCode(code);
    if (normalized === null) throw new TypeError('Not a recovery code');
    return sha256(normalized).toString('hex');
  }

  /**
   * If `code` matches one of `hashes`, the hashes without that one (store them);
   * otherwise null. Compares against every hash in constant time, so neither
   * the position of a match nor a near-match shows in the timing.
   */
  consume(hashes: readonly string[], code: string): string[] | null {
    const normalized = normalizeRecoveryCode(code);
    if (normalized === null) return null;
    const candidate = sha256(normalized);
    let match = -1;
    hashes.forEach((stored, index) => {
      const wellFormed = SHA256_HEX.test(stored);
      const equal = timingSafeEqual(wellFormed ? Buffer.from(stored, 'hex') : Buffer.alloc(candidate.length), candidate);
      if (equal && wellFormed && match === -1) match = index;
    });
    return match === -1 ? null : hashes.filter((_, index) => index !== match);
  }
}

function randomCode(): string {
  const symbols = Array.from({ length: CODE_LENGTH }, () => RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)]);
  return Array.from({ length: GROUPS }, (_, group) => symbols.slice(group * GROUP_LENGTH, (group + 1) * GROUP_LENGTH).join('')).join('-');
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
