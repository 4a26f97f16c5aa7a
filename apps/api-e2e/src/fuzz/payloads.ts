import { Prng } from './prng';

export const SCRIPT_PAYLOAD = '<script>alert(1)</script>';
export const FORMULA_PAYLOAD = "=cmd|'/c calc'!A0";
export const SQL_PAYLOAD = "' OR 1=1 --";

/** Strings a careless parser, database or renderer chokes on. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  SCRIPT_PAYLOAD,
  '"><img src=x onerror=alert(1)>',
  FORMULA_PAYLOAD,
  '@SUM(1+1)*cmd|" /C calc"!A0',
  SQL_PAYLOAD,
  "'; DROP TABLE client; --",
  '1; SELECT pg_sleep(0)',
  '%27%20OR%201%3D1',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  'a\u0000b',
  '\u0000',
  '\uD800',
  'x\uDFFFy',
  '\u202Eevil\u202C',
  '\u200B\u200D\uFEFF',
  'Zalgo: Z̴̡̪̫͖̥͔a̷̡͇̥l̵̢̨̛g̶o̸',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'مرحبا بالعالم',
  'İıŞş ß ẞ ﬃ',
  '\r\nSet-Cookie: evil=1',
  '\\',
  '"',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x10',
  '9999-99-99',
  '2026-02-30',
  '00000000-0000-0000-0000-000000000000',
  '__proto__',
  'constructor',
];

/** Values of every JSON type, and edge values of each. */
export const WRONG_TYPE_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 31,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e308,
  [],
  [1, 'a', null],
  {},
  { a: 1 },
  { $gt: '' },
  [[[]]],
  '',
  'x',
  '1',
];

export function hugeString(prng: Prng, length: number): string {
  const unit = prng.pick(['A', 'ä', '€', '😀', '<script>', "'", '\u202E']);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Any value a property might receive: a wrong type, a nasty string or a long one. */
export function fuzzValue(prng: Prng): unknown {
  const roll = prng.next();
  if (roll < 0.45) return prng.pick(WRONG_TYPE_VALUES);
  if (roll < 0.9) return prng.pick(NASTY_STRINGS);
  if (roll < 0.97) return hugeString(prng, prng.int(256, 20_000));
  return [prng.pick(NASTY_STRINGS), prng.pick(WRONG_TYPE_VALUES)];
}

/** Path parameter values that are not what any route expects. */
export const BAD_PATH_VALUES: readonly string[] = [
  'not-a-uuid',
  '1',
  '-1',
  '0',
  '1.5',
  '99999999999999999999',
  '00000000-0000-0000-0000-00000000000g',
  '00000000-0000-4000-8000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '..',
  '../users',
  '%2e%2e%2fusers',
  "' OR 1=1 --",
  '1;DROP TABLE client',
  '<script>alert(1)</script>',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '\u0000',
  'ä',
  '\u202E',
  '😀',
];

/** Percent-encodes like encodeURIComponent; a lone surrogate becomes the invalid UTF-8 `%ED%A0%80` instead of throwing. */
const LONE_SURROGATE =
  /([\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/;

export function encode(value: string): string {
  return value
    .split(LONE_SURROGATE)
    .map((part, i) => (i % 2 === 1 ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

/** A path segment, url-encoded (or deliberately broken encodings). */
export function badPathSegment(prng: Prng): string {
  const roll = prng.next();
  if (roll < 0.08)
    return prng.pick(['%', '%ZZ', '%C0%AE', '%00', '%ED%A0%80', '%FF']);
  if (roll < 0.14) return encode(hugeString(prng, prng.int(300, 6_000)));
  if (roll < 0.2) return prng.pick(['..', '.', '..%2F..%2F', '%2F']);
  return encode(prng.pick(BAD_PATH_VALUES));
}

const QUERY_NAMES = [
  'page',
  'pageSize',
  'limit',
  'offset',
  'sort',
  'order',
  'q',
  'search',
  'from',
  'to',
  'state',
  'version',
  'teamId',
  'managerId',
  'format',
  'locale',
];

/** A query string of wrong types, arrays, unknown and huge parameters. */
export function badQuery(prng: Prng, known: readonly string[]): string {
  const names = [...known, ...QUERY_NAMES];
  const parts: string[] = [];
  const count = prng.int(1, 4);
  for (let i = 0; i < count; i++) {
    const name = prng.chance(0.85)
      ? prng.pick(names)
      : prng.pick([
          '__proto__',
          'constructor[prototype][x]',
          'a[b][c]',
          'x'.repeat(500),
          '',
        ]);
    const roll = prng.next();
    const value =
      roll < 0.15
        ? hugeString(prng, prng.int(1_000, 8_000))
        : roll < 0.6
          ? prng.pick(NASTY_STRINGS)
          : String(
              prng.pick(WRONG_TYPE_VALUES.filter((v) => typeof v !== 'object')),
            );
    parts.push(`${encode(name)}=${encode(value)}`);
    if (prng.chance(0.2))
      parts.push(`${encode(name)}=${encode(prng.pick(NASTY_STRINGS))}`);
  }
  if (prng.chance(0.1))
    parts.push(prng.pick(['%', '%ZZ=1', 'a=%E0%A4%A', '&&&', '=']));
  return parts.join('&');
}
