import { CSRF_HEADER } from '@wegweiser/shared/contracts';
import request from 'supertest';
import { Caller } from './fuzz-runner';

/**
 * Deterministic request-hygiene cases (docs/security.md, "Request hygiene"), run by openapi-fuzz.e2e-spec.ts for
 * EVERY operation of the OpenAPI document, as an allowed caller with a valid CSRF token and the operation's valid
 * recipe: each case turns that valid request into requests that must be refused with an exact status and change
 * no row.
 *
 * Adding a case is one more entry in HYGIENE_CASES. A character that must be refused in every string field is
 * one entry, e.g. bidi overrides:
 *
 *     {
 *       name: 'bidi override in every string field',
 *       requests: (op) => inEveryStringField(op, { label: 'bidi override', text: '\u202E' }, 400, 'validationFailed'),
 *     },
 *
 * `inEveryStringField` appends the text to each string of the valid JSON body and to each text field of a multipart
 * upload, puts it before the upload's file name (its extension must stay), and, where the operation has no string in
 * its body, puts it in each query and path parameter (percent-encoded as UTF-8, or as `urlEscaped` says;
 * `urlEscaped: null` leaves URLs out; `uploads: false` leaves multipart uploads out). One request per string; each
 * must get exactly `status` (and `code`).
 * Cases of another kind return their own HygieneRequests (see wrongContentTypes, prototypeKeys below).
 */
export interface HygieneCase {
  name: string;
  requests(op: HygieneOperation): HygieneRequest[];
}

/** What a case knows of one operation and the valid request of its recipe. */
export interface HygieneOperation {
  method: string;
  /** `/api/clients/:clientId/plan` */
  template: string;
  /** The recipe's path (real ids), or the template with placeholder ids. */
  path: string;
  /** Declared query parameters (OpenAPI). */
  queryNames: readonly string[];
  /** `json` (mutating operations with or without a body), `multipart` (declared uploads), `none` (GET). */
  body: 'json' | 'multipart' | 'none';
  /** The recipe's valid JSON body, if any. */
  validBody?: Record<string, unknown>;
  /** The recipe's valid upload (multipart operations). */
  upload?: Upload;
}

export interface Upload {
  name: string;
  content: Buffer;
  fields?: Record<string, string>;
}

/** One request a case sends, and the exact status it must get. */
export interface HygieneRequest {
  /** What was broken, for the failure report. */
  kind: string;
  path: string;
  /** `Content-Type` as sent (with `body`); `null`: the body goes without the header. */
  contentType?: string | null;
  body?: string;
  /** Sent as multipart/form-data instead of `body`. */
  multipart?: Upload;
  status: number;
  /** The error code the answer must carry (`code` of ApiErrorResponse), if the case names one. */
  code?: string;
}

/** Text to inject; in URLs as `urlEscaped` (default: UTF-8 percent-encoded), or not at all with `null`; in uploads unless `uploads: false`. */
export interface TextInjection {
  label: string;
  text: string;
  urlEscaped?: string | null;
  uploads?: boolean;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
type Segment = string | number;

/** Paths of the string values in a JSON value (objects and arrays, any depth). */
export function stringLeaves(value: unknown, at: Segment[] = []): Segment[][] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value))
    return value.flatMap((item, index) => stringLeaves(item, [...at, index]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) =>
      stringLeaves(item, [...at, key]),
    );
  return [];
}

/** A copy of `body` with the string at `path` passed through `change`. */
function changedAt(
  body: Record<string, unknown>,
  path: Segment[],
  change: (value: string) => string,
): Record<string, unknown> {
  const copy = structuredClone(body);
  let parent: Record<Segment, unknown> = copy;
  for (const segment of path.slice(0, -1))
    parent = parent[segment] as Record<Segment, unknown>;
  const last = path[path.length - 1] as Segment;
  parent[last] = change(parent[last] as string);
  return copy;
}

const withQuery = (path: string, pair: string) =>
  `${path}${path.includes('?') ? '&' : '?'}${pair}`;
const jsonOf = (op: HygieneOperation) => JSON.stringify(op.validBody ?? {});
/** The valid body of a JSON operation, to go with a broken URL (GET: none). */
const validJson = (
  op: HygieneOperation,
): Pick<HygieneRequest, 'body' | 'contentType' | 'multipart'> =>
  op.body === 'json'
    ? { body: jsonOf(op), contentType: 'application/json' }
    : op.body === 'multipart'
      ? { multipart: op.upload }
      : {};

/** The request with `escaped` in each query parameter and each path parameter (an extra query parameter if none). */
function inEveryUrlParameter(
  op: HygieneOperation,
  label: string,
  escaped: string,
  status: number,
): HygieneRequest[] {
  const requests = op.queryNames.map((name) => ({
    kind: `${label} in query ${name}`,
    path: withQuery(op.path, `${encodeURIComponent(name)}=${escaped}`),
    status,
  }));
  const real = op.path.split('?')[0]?.split('/') ?? [];
  op.template.split('/').forEach((segment, index) => {
    if (!segment.startsWith(':')) return;
    const broken = [...real];
    broken[index] = escaped;
    requests.push({
      kind: `${label} in path ${segment}`,
      path: broken.join('/'),
      status,
    });
  });
  if (!requests.length)
    requests.push({
      kind: `${label} in query hygiene`,
      path: withQuery(op.path, `hygiene=${escaped}`),
      status,
    });
  return requests.map((r) => ({ ...validJson(op), ...r }));
}

/** The valid request with `injection` appended to each of its strings (see the module comment). */
export function inEveryStringField(
  op: HygieneOperation,
  injection: TextInjection,
  status: number,
  code?: string,
): HygieneRequest[] {
  return textInjected(op, injection, status).map((r) => ({ ...r, code }));
}

function textInjected(
  op: HygieneOperation,
  injection: TextInjection,
  status: number,
): HygieneRequest[] {
  const append = (value: string) => `${value}${injection.text}`;
  if (op.body === 'multipart' && op.upload) {
    if (injection.uploads === false) return [];
    const upload = op.upload;
    return [
      {
        kind: `${injection.label} in the file name`,
        path: op.path,
        multipart: { ...upload, name: `${injection.text}${upload.name}` },
        status,
      },
      ...Object.keys(upload.fields ?? {}).map((field) => ({
        kind: `${injection.label} in field ${field}`,
        path: op.path,
        multipart: {
          ...upload,
          fields: {
            ...upload.fields,
            [field]: append(upload.fields?.[field] ?? ''),
          },
        },
        status,
      })),
    ];
  }
  const leaves =
    op.body === 'json' && op.validBody ? stringLeaves(op.validBody) : [];
  if (leaves.length) {
    return leaves.map((leaf) => ({
      kind: `${injection.label} in body ${leaf.join('.')}`,
      path: op.path,
      contentType: 'application/json',
      body: JSON.stringify(changedAt(op.validBody ?? {}, leaf, append)),
      status,
    }));
  }
  const escaped =
    injection.urlEscaped === undefined
      ? encodeURIComponent(injection.text)
      : injection.urlEscaped;
  return escaped === null
    ? []
    : inEveryUrlParameter(op, injection.label, escaped, status);
}

/** The valid body (or `{}`) in each content type the operation does not take: 415. */
function wrongContentTypes(op: HygieneOperation): HygieneRequest[] {
  if (!MUTATING.has(op.method)) return [];
  const json = jsonOf(op);
  const form = new URLSearchParams(
    Object.entries(op.validBody ?? { hygiene: 1 }).map(([key, value]) => [
      key,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
  const types: Array<[string | null, string]> = [
    ['text/plain', json],
    ['application/x-www-form-urlencoded', form.toString() || 'hygiene=1'],
    ['application/xml', '<?xml version="1.0"?><request/>'],
    [null, json],
  ];
  if (op.body === 'multipart') types.push(['application/json', json]);
  return types.map(([contentType, body]) => ({
    kind: `content type ${contentType ?? '(none)'}`,
    path: op.path,
    contentType,
    body,
    status: 415,
    code: 'unsupportedMediaType',
  }));
}

/** `__proto__` and `constructor` keys in the valid body (a JSON text: an object literal would set the prototype), the upload's fields or the query: 400. */
function prototypeKeys(op: HygieneOperation): HygieneRequest[] {
  const keys: Array<[string, string]> = [
    ['__proto__', '{"polluted":true,"isAdmin":true}'],
    ['constructor', '{"prototype":{"polluted":true}}'],
  ];
  return keys.map(([key, value]) => {
    const refused = {
      kind: `${key} key`,
      path: op.path,
      status: 400,
      code: 'validationFailed',
    };
    if (op.body === 'multipart' && op.upload)
      return {
        ...refused,
        multipart: {
          ...op.upload,
          fields: { ...op.upload.fields, [key]: value },
        },
      };
    if (op.body === 'none')
      return { ...refused, path: withQuery(op.path, `${key}=1`) };
    const valid = jsonOf(op);
    return {
      ...refused,
      contentType: 'application/json',
      body: `{"${key}":${value}${valid === '{}' ? '' : `,${valid.slice(1, -1)}`}}`,
    };
  });
}

/**
 * A bidi override (U+202E) in each string of the valid body or upload, else in each declared query parameter: 400
 * `validationFailed` (docs/security.md, "Text fields"). Well-formed text, so the URL checks let it through and the
 * validation must refuse it; path parameters are ids, refused for their format anyway, and are left out.
 */
function bidiOverrides(op: HygieneOperation): HygieneRequest[] {
  const injection = { label: 'bidi override', text: 'a\u202Egnp.exe', urlEscaped: null };
  const inBody = inEveryStringField(op, injection, 400, 'validationFailed');
  if (inBody.length) return inBody;
  return op.queryNames.map((name) => ({
    ...validJson(op),
    kind: `bidi override in query ${name}`,
    path: withQuery(op.path, `${encodeURIComponent(name)}=${encodeURIComponent(injection.text)}`),
    status: 400,
    code: 'validationFailed',
  }));
}

export const HYGIENE_CASES: HygieneCase[] = [
  {
    name: 'lone surrogate in every string field',
    requests: (op) =>
      inEveryStringField(
        op,
        { label: 'lone surrogate', text: '\uD800', urlEscaped: '%ED%A0%80' },
        400,
        'validationFailed',
      ),
  },
  { name: 'wrong content type', requests: wrongContentTypes },
  { name: 'prototype keys', requests: prototypeKeys },
  { name: 'bidi override in every string field', requests: bidiOverrides },
];

/** Sends one hygiene request; the status and error code (status 0: the connection failed). */
export async function sendHygieneRequest(
  caller: Caller,
  method: string,
  req: HygieneRequest,
): Promise<{ status: number; code?: string }> {
  const agent = caller.agent as unknown as Record<
    string,
    (url: string) => request.Test
  >;
  const call = agent[method.toLowerCase()];
  if (!call) throw new Error(`no agent method for ${method}`);
  let test = call.call(caller.agent, req.path);
  if (caller.csrf) test = test.set(CSRF_HEADER, caller.csrf);
  if (req.multipart) {
    for (const [name, value] of Object.entries(req.multipart.fields ?? {}))
      test = test.field(name, value);
    test = test.attach('file', req.multipart.content, req.multipart.name);
  } else if (req.body !== undefined) {
    // A string without a type would go as form-encoded; bytes go without the header.
    test =
      req.contentType === null || req.contentType === undefined
        ? test.send(Buffer.from(req.body))
        : test.set('Content-Type', req.contentType).send(req.body);
  }
  try {
    const response = await test;
    const body = response.body as { code?: unknown } | undefined;
    return {
      status: response.status,
      code: typeof body?.code === 'string' ? body.code : undefined,
    };
  } catch {
    return { status: 0 };
  }
}
