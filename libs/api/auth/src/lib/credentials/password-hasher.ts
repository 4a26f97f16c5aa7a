import { Injectable, OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { normalizePassword } from './password-normalization';

/**
 * Argon2id with the OWASP Password Storage Cheat Sheet minimum (m=19 MiB, t=2,
 * p=1): ~20-50 ms per hash on a server core. Raise them here; `needsRehash`
 * then reports old hashes, and sign-in re-hashes them.
 */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

const ARGON2ID_PREFIX = '$argon2id$';

let dummyHash: Promise<string> | undefined;

/** A hash of a random password nobody knows, with the current parameters: what unknown e-mails are verified against. */
function getDummyHash(): Promise<string> {
  dummyHash ??= argon2.hash(randomBytes(32).toString('base64url'), ARGON2_OPTIONS);
  return dummyHash;
}

/** Hashes and verifies passwords; the only place that touches argon2. */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  /** Computes the dummy hash at start-up, so the first unknown e-mail is not slower than the rest. */
  async onModuleInit(): Promise<void> {
    await getDummyHash();
  }

  /** A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) with a fresh random salt. */
  async hash(password: string): Promise<string> {
    return argon2.hash(normalizePassword(password), ARGON2_OPTIONS);
  }

  /** True if `password` matches `hash`; false for a wrong password, a malformed hash or non-string input. Never throws. */
  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, normalizePassword(password));
    } catch {
      return false;
    }
  }

  /** True if `hash` is not argon2id with the current `ARGON2_OPTIONS` (or is unreadable): re-hash after the next sign-in. */
  needsRehash(hash: string): boolean {
    if (!hash.startsWith(ARGON2ID_PREFIX)) return true;
    try {
      const { memoryCost, timeCost, parallelism } = ARGON2_OPTIONS;
      return argon2.needsRehash(hash, { memoryCost, timeCost, parallelism });
    } catch {
      return true;
    }
  }

  /**
   * For a sign-in with an unknown e-mail: spends the time of a real `verify`
   * (same parameters, against a precomputed hash) and answers false, so the
   * response time does not reveal which e-mails have an account.
   */
  async dummyVerify(password: string): Promise<false> {
    await this.verify(await getDummyHash(), password);
    return false;
  }
}
