import { Injectable } from '@nestjs/common';
import { PasswordContext, PasswordPolicy } from '@wegweiser/api/auth';
import { randomInt } from 'node:crypto';

/** Lower-case letters and digits without the look-alikes 0/o and 1/i/l (and u): easy to read out and type. */
export const ONE_TIME_PASSWORD_ALPHABET = '23456789abcdefghjkmnpqrstvwxyz';
const GROUPS = 6;
const GROUP_LENGTH = 4;
/** Policies never refuse a random password in practice; this only bounds the loop. */
const MAX_ATTEMPTS = 20;

/**
 * Initial and reset passwords: 24 symbols from the CSPRNG (`crypto.randomInt`,
 * no modulo bias; ~118 bit), shown as `xxxx-xxxx-xxxx-xxxx-xxxx-xxxx` (29
 * characters). The account must change it at the next sign-in. Every password
 * handed out passes the same `PasswordPolicy` as one a user chooses.
 */
@Injectable()
export class OneTimePasswords {
  constructor(private readonly policy: PasswordPolicy) {}

  generate(context: PasswordContext = {}): string {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const candidate = randomPassword();
      if (this.policy.check(candidate, context) === null) return candidate;
    }
    throw new Error('No acceptable one-time password could be generated');
  }
}

function randomPassword(): string {
  const symbols = Array.from({ length: GROUPS * GROUP_LENGTH }, () => ONE_TIME_PASSWORD_ALPHABET[randomInt(ONE_TIME_PASSWORD_ALPHABET.length)]);
  return Array.from({ length: GROUPS }, (_, group) => symbols.slice(group * GROUP_LENGTH, (group + 1) * GROUP_LENGTH).join('')).join('-');
}
