import {
  badPathSegment,
  badQuery,
  fuzzValue,
  hugeString,
  NASTY_STRINGS,
  WRONG_TYPE_VALUES,
} from './payloads';
import { Prng } from './prng';

/** One malformed request to send. */
export interface Variant {
  /** What was broken, for the failure report. */
  kind: string;
  path: string;
  contentType?: string;
  contentEncoding?: string;
  /** Sent as is (a string or bytes), or JSON-encoded when an object. */
  body?: string | Buffer | object;
}

export interface VariantTarget {
  method: string;
  /** `/api/clients/:clientId/plan` */
  template: string;
  /** A concrete path an allowed caller may use (real ids), if known. */
  realPath: string;
  /** A body the route accepts, if known. */
  validBody?: Record<string, unknown>;
  /** Property names from the OpenAPI schema and the valid body. */
  properties: string[];
  queryNames: string[];
}

/** 1 MB JSON limit of the API (configure-http JSON_BODY_LIMIT). */
const BELOW_LIMIT = 900 * 1024;
const ABOVE_LIMIT = 1536 * 1024;

const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number) =>
  `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

const INVALID_JSON = [
  '{',
  '{"a":}',
  "{'a':1}",
  '{"a":1}}',
  '[1,]',
  'nul',
  '"unterminated',
  '{"a":1,"a":}',
  '\u0000',
  '{"a":"\\x00"}',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":-}',
  '\uFEFF{}',
];

function withPathParamBroken(prng: Prng, target: VariantTarget): string {
  const realSegments = target.realPath.split('?')[0]?.split('/') ?? [];
  const templateSegments = target.template.split('/');
  const params = templateSegments
    .map((s, i) => (s.startsWith(':') ? i : -1))
    .filter((i) => i >= 0);
  const segments = templateSegments.map((s, i) =>
    s.startsWith(':')
      ? (realSegments[i] ?? '00000000-0000-4000-8000-000000000000')
      : s,
  );
  const broken = params.length ? prng.pick(params) : segments.length; // no params: append a junk segment
  segments[broken] = badPathSegment(prng);
  return segments.join('/');
}

function mutatedBody(
  prng: Prng,
  target: VariantTarget,
): { kind: string; body: Record<string, unknown> } {
  const base: Record<string, unknown> = { ...(target.validBody ?? {}) };
  const props = target.properties.length
    ? target.properties
    : ['name', 'note', 'version'];
  const roll = prng.next();
  if (roll < 0.45) {
    const prop = prng.pick(props);
    base[prop] = fuzzValue(prng);
    return { kind: `property ${prop} wrong/nasty`, body: base };
  }
  if (roll < 0.6 && Object.keys(base).length) {
    const prop = prng.pick(Object.keys(base));
    delete base[prop];
    if (prng.chance(0.5)) base[prng.pick(props)] = fuzzValue(prng);
    return { kind: `property ${prop} missing`, body: base };
  }
  if (roll < 0.75) {
    const extra = prng.pick([
      'isAdmin',
      'id',
      'municipalityId',
      'role',
      'createdAt',
      'deletedAt',
      'x'.repeat(300),
      '',
      '0',
    ]);
    base[extra] = fuzzValue(prng);
    return { kind: `extra property ${extra.slice(0, 20)}`, body: base };
  }
  if (roll < 0.9) {
    for (const prop of props) base[prop] = prng.pick(NASTY_STRINGS);
    return { kind: 'every property a nasty string', body: base };
  }
  for (const prop of props) base[prop] = prng.pick(WRONG_TYPE_VALUES);
  return { kind: 'every property a wrong type', body: base };
}

/** A raw JSON text that JSON.stringify would never produce. */
function rawJson(
  prng: Prng,
  target: VariantTarget,
): { kind: string; body: string } {
  const prop = prng.pick(
    target.properties.length ? target.properties : ['name'],
  );
  const valid = JSON.stringify(target.validBody ?? {});
  const inject = (member: string) =>
    valid === '{}' ? `{${member}}` : `{${member},${valid.slice(1)}`;
  const roll = prng.int(0, 9);
  switch (roll) {
    case 0:
      return { kind: 'invalid JSON', body: prng.pick(INVALID_JSON) };
    case 1:
      return { kind: 'deep array nesting 10000', body: deepArray(10_000) };
    case 2:
      return { kind: 'deep object nesting 10000', body: deepObject(10_000) };
    case 3:
      return {
        kind: `deep nesting in ${prop}`,
        body: inject(
          `"${prop}":${prng.chance(0.5) ? deepArray(10_000) : deepObject(10_000)}`,
        ),
      };
    case 4:
      return {
        kind: '__proto__ pollution',
        body: inject(
          `"__proto__":{"isAdmin":true,"role":"admin","polluted":1}`,
        ),
      };
    case 5:
      return {
        kind: 'constructor.prototype pollution',
        body: inject(`"constructor":{"prototype":{"polluted":1}}`),
      };
    case 6:
      return {
        kind: `number edge in ${prop}`,
        body: inject(
          `"${prop}":${prng.pick(['1e999', '-1e999', '-0', '1.0000000000000002', '123456789012345678901234567890', '0.1e-400'])}`,
        ),
      };
    case 7:
      return {
        kind: `duplicate key ${prop}`,
        body: inject(`"${prop}":1,"${prop}":"x"`),
      };
    case 8:
      return {
        kind: 'body not an object',
        body: prng.pick([
          '[]',
          '"text"',
          '123',
          'null',
          'true',
          '[{}]',
          `[${valid}]`,
        ]),
      };
    default:
      return {
        kind: `lone surrogate / NUL escapes in ${prop}`,
        body: inject(
          `"${prop}":"${prng.pick(['\\ud800', '\\udfff\\ud800', '\\u0000', 'a\\u0000b', '\\u202e\\u0000'])}"`,
        ),
      };
  }
}

/** A malformed variant of a request to `target`, drawn from `prng`. */
export function nextVariant(prng: Prng, target: VariantTarget): Variant {
  const realPath = target.realPath;
  const isGetLike = target.method === 'GET' || target.method === 'DELETE';
  const roll = prng.next();
  if (roll < (isGetLike ? 0.4 : 0.18))
    return {
      kind: 'bad path parameter',
      path: withPathParamBroken(prng, target),
    };
  if (roll < (isGetLike ? 0.85 : 0.3)) {
    const sep = realPath.includes('?') ? '&' : '?';
    return {
      kind: 'bad query',
      path: `${realPath}${sep}${badQuery(prng, target.queryNames)}`,
    };
  }
  const bodyRoll = prng.next();
  if (bodyRoll < 0.5) {
    const { kind, body } = mutatedBody(prng, target);
    return { kind, path: realPath, body };
  }
  if (bodyRoll < 0.78) {
    const { kind, body } = rawJson(prng, target);
    return { kind, path: realPath, body, contentType: 'application/json' };
  }
  if (bodyRoll < 0.83) {
    const prop = prng.pick(
      target.properties.length ? target.properties : ['note'],
    );
    return {
      kind: `huge ${prop} below the body limit`,
      path: realPath,
      body: {
        ...(target.validBody ?? {}),
        [prop]: hugeString(prng, BELOW_LIMIT),
      },
    };
  }
  if (bodyRoll < 0.85)
    return {
      kind: 'body above the limit',
      path: realPath,
      body: { note: 'A'.repeat(ABOVE_LIMIT) },
    };
  if (bodyRoll < 0.88)
    return {
      kind: 'invalid UTF-8 bytes',
      path: realPath,
      contentType: 'application/json',
      body: Buffer.from([
        0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d,
      ]),
    };
  const valid = JSON.stringify(target.validBody ?? {});
  const contentType = prng.pick([
    'text/plain',
    'application/xml',
    'application/x-www-form-urlencoded',
    'multipart/form-data',
    'multipart/form-data; boundary=x',
    'application/json; charset=utf-16',
    'application/json; charset=klingon',
    'application/octet-stream',
    'text/html',
    '',
  ]);
  if (prng.chance(0.2))
    return {
      kind: 'gzip header, plain body',
      path: realPath,
      contentType: 'application/json',
      contentEncoding: prng.pick(['gzip', 'br', 'deflate', 'x-unknown']),
      body: valid,
    };
  const body =
    contentType === 'application/x-www-form-urlencoded'
      ? new URLSearchParams(
          Object.entries(target.validBody ?? { a: 1 }).map(([k, v]) => [
            k,
            String(v),
          ]),
        ).toString()
      : valid;
  return {
    kind: `content type "${contentType}"`,
    path: realPath,
    contentType,
    body,
  };
}
