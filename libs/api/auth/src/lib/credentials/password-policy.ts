import { Injectable } from '@nestjs/common';
import { dictionary } from '@zxcvbn-ts/language-common';
import { normalizePassword } from './password-normalization';

/** NIST SP 800-63B: at least 8, we ask for 12 — passphrases are encouraged. */
export const PASSWORD_MIN_LENGTH = 12;
/** Generous, but bounded: long enough for any passphrase, short enough to refuse junk. */
export const PASSWORD_MAX_LENGTH = 128;

/** Stable codes, sent to the client as the field's validation code and translated there. */
export const PASSWORD_PROBLEMS = {
  passwordTooShort: 'passwordTooShort',
  passwordTooLong: 'passwordTooLong',
  passwordTooCommon: 'passwordTooCommon',
  passwordContainsPersonalData: 'passwordContainsPersonalData',
} as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[keyof typeof PASSWORD_PROBLEMS];

/** What we know about the account, so the password does not repeat it. */
export interface PasswordContext {
  email?: string;
  firstName?: string;
  lastName?: string;
}

/** Name parts and e-mail parts shorter than this are too unspecific to forbid ("Li", "ann"). */
const MIN_PERSONAL_TOKEN_LENGTH = 4;
/**
 * A common word padded with at most this many digits/symbols ("Password123!",
 * "Sommer2024!!") counts as common; a longer, varied padding carries enough
 * entropy of its own and is not refused.
 */
const MAX_PREDICTABLE_AFFIX_LENGTH = 8;
/** Fewer distinct characters than this ("aaaaaaaaaaaa", "121212121212") is a pattern, not a password. */
const MIN_DISTINCT_CHARACTERS = 5;

let commonPasswordSet: ReadonlySet<string> | undefined;

/**
 * The ~49,000 most common passwords (zxcvbn-ts, lower case). Built once, on
 * first use, so that importing the module costs nothing.
 */
export function commonPasswords(): ReadonlySet<string> {
  commonPasswordSet ??= new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()));
  return commonPasswordSet;
}

/**
 * The password rules of NIST SP 800-63B / BSI: length, a blocklist of common
 * and derived passwords and no personal data — no composition rules
 * (digit + capital + symbol), which only produce "Password1!".
 */
@Injectable()
export class PasswordPolicy {
  check(password: string, context: PasswordContext = {}): PasswordProblem | null {
    const normalized = normalizePassword(password);
    const length = [...normalized].length;
    if (length < PASSWORD_MIN_LENGTH) return PASSWORD_PROBLEMS.passwordTooShort;
    if (length > PASSWORD_MAX_LENGTH) return PASSWORD_PROBLEMS.passwordTooLong;
    if (isCommonOrDerived(normalized)) return PASSWORD_PROBLEMS.passwordTooCommon;
    if (containsPersonalData(normalized, context)) return PASSWORD_PROBLEMS.passwordContainsPersonalData;
    return null;
  }
}

function isCommonOrDerived(password: string): boolean {
  const folded = fold(password);
  const compact = folded.replace(/\s+/gu, '');
  if (new Set(compact).size < MIN_DISTINCT_CHARACTERS) return true;
  if (isCommonWord(folded) || isCommonWord(compact)) return true;

  // "Password123!", "!!sommer2024", "p@ssw0rd#1": a common word with a predictable padding.
  const [, prefix = '', core = '', suffix = ''] = /^([^\p{L}]*)(.*?)([^\p{L}]*)$/u.exec(compact) ?? [];
  if (!core) return false;
  return isPredictableAffix(prefix + suffix) && (isCommonWord(core) || isRepeatedCommonWord(core));
}

function isCommonWord(candidate: string): boolean {
  const common = commonPasswords();
  return leetVariants(candidate).some((variant) => common.has(variant));
}

/** "monkeymonkey", "dragondragondragon". */
function isRepeatedCommonWord(candidate: string): boolean {
  for (let unit = 1; unit <= candidate.length / 2; unit++) {
    if (candidate.length % unit !== 0) continue;
    const word = candidate.slice(0, unit);
    if (word.repeat(candidate.length / unit) === candidate) return isCommonWord(word) || unit <= 3;
  }
  return false;
}

function isPredictableAffix(affix: string): boolean {
  if (affix.length <= MAX_PREDICTABLE_AFFIX_LENGTH) return true;
  if (new Set(affix).size < MIN_DISTINCT_CHARACTERS) return true;
  const digits = affix.replace(/\D/gu, '');
  return digits.length > 0 && commonPasswords().has(digits);
}

function containsPersonalData(password: string, context: PasswordContext): boolean {
  const haystacks = leetVariants(fold(password).replace(/[\s._+'-]+/gu, ''));
  return personalTokens(context).some((token) => haystacks.some((haystack) => haystack.includes(token)));
}

/** "anna.schmidt+ww@x.de", "Anna-Lena", "van der Berg" -> whole values and their parts, folded. */
function personalTokens({ email, firstName, lastName }: PasswordContext): string[] {
  const localPart = email?.split('@')[0] ?? '';
  const values = [localPart, firstName ?? '', lastName ?? ''];
  const tokens = values.flatMap((value) => [value, ...value.split(/[\s._+'-]+/u)]);
  return [...new Set(tokens.map((token) => fold(token).replace(/[\s._+'-]+/gu, '')))].filter(
    (token) => [...token].length >= MIN_PERSONAL_TOKEN_LENGTH,
  );
}

/** Case- and accent-insensitive: "Müller" ~ "muller", "Straße" ~ "strasse". */
function fold(value: string): string {
  return normalizePassword(value)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/gu, 'ss');
}

const LEET: Readonly<Record<string, string>> = { '@': 'a', '4': 'a', '3': 'e', '0': 'o', $: 's', '5': 's', '7': 't', '+': 't' };

/** The candidate itself and its un-leeted readings ("p@ssw0rd" -> "password"; 1/! read as i or l). */
function leetVariants(candidate: string): string[] {
  const read = (oneAs: string) => candidate.replace(/[@430$57+1!]/gu, (char) => (char === '1' || char === '!' ? oneAs : (LEET[char] ?? char)));
  return [...new Set([candidate, read('i'), read('l')])];
}
