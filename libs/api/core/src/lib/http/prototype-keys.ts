import { BadRequestException } from '@nestjs/common';
import { ERROR_CODES, VALIDATION_CODES } from '@wegweiser/shared/contracts';
import type { NextFunction, Request, Response } from 'express';

/** Keys that name an object's prototype machinery: no request DTO has them, and a careless merge would follow them. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Paths (`a.b.__proto__`) of the prototype keys in a parsed body or query, at any depth, walked without recursion.
 * `JSON.parse` keeps `"__proto__"` as an own property, so `Object.keys` sees it.
 */
export function prototypeKeyPaths(value: unknown): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length) {
    const [current, path] = stack.pop() as [unknown, string];
    if (current === null || typeof current !== 'object') continue;
    for (const key of Object.keys(current)) {
      const childPath = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) found.push(childPath);
      stack.push([(current as Record<string, unknown>)[key], childPath]);
    }
  }
  return found.sort();
}

/** 400 `validationFailed` with each path → `unknownProperty`, the shape `forbidNonWhitelisted` gives other unknown keys. */
export function prototypeKeysRefused(paths: readonly string[]): BadRequestException {
  return new BadRequestException({
    code: ERROR_CODES.validationFailed,
    message: `Unknown properties: ${paths.join(', ')}`,
    errors: Object.fromEntries(paths.map((path) => [path, VALIDATION_CODES.unknownProperty])),
  });
}

/**
 * Refuses a body or query holding `__proto__`, `constructor` or `prototype` keys with 400, before class-transformer
 * sees them: it drops exactly these keys silently, where every other unknown key is refused.
 */
export function rejectPrototypeKeys(req: Request, _res: Response, next: NextFunction): void {
  const paths = [...prototypeKeyPaths(req.body), ...prototypeKeyPaths(req.query)];
  next(paths.length ? prototypeKeysRefused(paths) : undefined);
}
