import { BadRequestException } from '@nestjs/common';
import { ERROR_CODES, VALIDATION_CODES } from '@wegweiser/shared/contracts';
import type { NextFunction, Request, Response } from 'express';

/**
 * `decodeURIComponent`, or `undefined` where the escapes are no well-formed UTF-8 (`%ED%A0%80`, the bytes of the
 * surrogate U+D800; `%E2%82`, a cut sequence) or no escapes at all (`%zz`). It never yields a lone surrogate.
 */
function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * The fields of a request target (`/api/clients/x?search=y`) whose percent-escapes do not decode to well-formed
 * text: `path` for a path segment (the router has not named the parameters yet), the parameter's name for a query
 * value, `query` for a name that is itself broken. Query parts are read as Express' query parser reads them
 * (`&`-separated, `+` a space). Node refuses raw bytes above 0x7F in the target (400) before any of this, and a
 * JSON-style `\ud800` in a URL is six ASCII characters, not a surrogate.
 */
export function malformedUrlFields(url: string): string[] {
  const fields = new Set<string>();
  const queryStart = url.indexOf('?');
  const path = queryStart < 0 ? url : url.slice(0, queryStart);
  if (path.split('/').some((segment) => decoded(segment) === undefined)) fields.add('path');
  if (queryStart >= 0) {
    for (const pair of url.slice(queryStart + 1).split('&')) {
      if (!pair) continue;
      const equals = pair.indexOf('=');
      const rawName = (equals < 0 ? pair : pair.slice(0, equals)).replace(/\+/g, ' ');
      const rawValue = equals < 0 ? '' : pair.slice(equals + 1).replace(/\+/g, ' ');
      const name = decoded(rawName);
      if (name === undefined) fields.add('query');
      else if (decoded(rawValue) === undefined) fields.add(name || 'query');
    }
  }
  return [...fields];
}

/**
 * Refuses a request whose path or query holds escapes that are not well-formed UTF-8 with 400 `validationFailed`
 * (field → `invalid`), before routing: Express' query parser would silently turn them into U+FFFD (a search for
 * other text than was sent), and its router answers a broken path parameter with an error of its own.
 */
export function rejectMalformedUrl(req: Request, _res: Response, next: NextFunction): void {
  const fields = malformedUrlFields(req.originalUrl);
  if (fields.length) {
    next(
      new BadRequestException({
        code: ERROR_CODES.validationFailed,
        message: `Invalid fields: ${fields.join(', ')}`,
        errors: Object.fromEntries(fields.map((field) => [field, VALIDATION_CODES.invalid])),
      }),
    );
    return;
  }
  next();
}
