import { BadRequestException } from '@nestjs/common';
import { ERROR_CODES, VALIDATION_CODES } from '@wegweiser/shared/contracts';
import type { NextFunction, Request, Response } from 'express';

/** A UTF-16 surrogate without its partner: valid JSON (`"\ud800"`), but not text; PostgreSQL would store U+FFFD instead. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True if `text` holds a UTF-16 surrogate without its partner. */
export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);

/** Paths (`a.b.0`) of the strings in a parsed JSON body that are not well-formed Unicode, keys included; walked without recursion. */
export function malformedTextPaths(value: unknown): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length) {
    const [current, path] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (LONE_SURROGATE.test(current)) found.push(path);
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    for (const [key, child] of Object.entries(current as object)) {
      const childPath = path ? `${path}.${key}` : key;
      if (LONE_SURROGATE.test(key)) found.push(childPath);
      stack.push([child, childPath]);
    }
  }
  return found;
}

/**
 * Refuses a body holding a string that is not well-formed Unicode with 400 `validationFailed` (field → `invalid`),
 * before any pipe sees it: validators such as `isEmail` throw on lone surrogates (a 500), and stored text would
 * silently change.
 */
export function rejectMalformedText(req: Request, _res: Response, next: NextFunction): void {
  const paths = malformedTextPaths(req.body);
  if (paths.length) {
    next(
      new BadRequestException({
        code: ERROR_CODES.validationFailed,
        message: `Invalid fields: ${paths.join(', ')}`,
        errors: Object.fromEntries(paths.map((path) => [path || 'body', VALIDATION_CODES.invalid])),
      }),
    );
    return;
  }
  next();
}
