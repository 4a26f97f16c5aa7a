import { BadRequestException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { jsonDepth, MAX_BODY_DEPTH, rejectDeepBodies } from './body-depth';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('body depth', () => {
  it('counts object and array levels without recursion, even 100,000 deep', () => {
    expect(jsonDepth('text')).toBe(0);
    expect(jsonDepth({ a: 1, b: [1, { c: 2 }] })).toBe(3);
    expect(jsonDepth(nested(100_000), Infinity)).toBe(100_000);
  });

  it('passes bodies up to the limit and refuses deeper ones with 400 malformedJson', () => {
    const run = (body: unknown) => {
      const next = jest.fn();
      rejectDeepBodies({ body } as Request, {} as Response, next);
      return next.mock.calls[0]?.[0] as unknown;
    };
    expect(run(nested(MAX_BODY_DEPTH))).toBeUndefined();
    expect(run(undefined)).toBeUndefined();
    const refused = run(nested(MAX_BODY_DEPTH + 1));
    expect(refused).toBeInstanceOf(BadRequestException);
    expect((refused as BadRequestException).getResponse()).toEqual(
      expect.objectContaining({ code: 'malformedJson' }),
    );
  });
});
