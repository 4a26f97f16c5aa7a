import { BadRequestException } from '@nestjs/common';
import { ERROR_CODES } from '@wegweiser/shared/contracts';
import type { NextFunction, Request, Response } from 'express';

/** No request DTO nests anywhere near this deep; deeper bodies only exist to exhaust the stack of the transformers. */
export const MAX_BODY_DEPTH = 32;

/** The nesting depth of a parsed JSON value (a scalar is 0), walked without recursion; stops counting past `limit`. */
export function jsonDepth(value: unknown, limit = MAX_BODY_DEPTH): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > limit) return deepest;
    for (const child of Object.values(current as object))
      stack.push([child, level]);
  }
  return deepest;
}

/** Refuses a parsed body nested deeper than MAX_BODY_DEPTH with 400 `malformedJson`, before any pipe sees it. */
export function rejectDeepBodies(
  req: Request,
  _res: Response,
  next: NextFunction,
): void {
  if (jsonDepth(req.body) > MAX_BODY_DEPTH) {
    next(
      new BadRequestException({
        code: ERROR_CODES.malformedJson,
        message: `The request body is nested deeper than ${MAX_BODY_DEPTH} levels.`,
      }),
    );
    return;
  }
  next();
}
