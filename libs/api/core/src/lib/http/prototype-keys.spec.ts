import { BadRequestException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { prototypeKeyPaths, rejectPrototypeKeys } from './prototype-keys';

describe('prototype keys in bodies and queries', () => {
  it('finds __proto__, constructor and prototype at any depth (JSON.parse keeps __proto__ as an own key)', () => {
    const body: unknown = JSON.parse('{"__proto__":{"isAdmin":true},"a":[{"constructor":{"prototype":{"x":1}}}],"name":"constructor"}');
    expect(prototypeKeyPaths(body)).toEqual(['__proto__', 'a.0.constructor', 'a.0.constructor.prototype']);
    expect(prototypeKeyPaths({ name: '__proto__', protoType: 1, constructors: [] })).toEqual([]);
    expect(prototypeKeyPaths(undefined)).toEqual([]);
  });

  it('refuses them with 400 validationFailed, each → unknownProperty, and lets other requests through', () => {
    const run = (body: unknown, query: Record<string, unknown> = {}) => {
      const next = jest.fn();
      rejectPrototypeKeys({ body, query } as unknown as Request, {} as Response, next);
      return next.mock.calls[0]?.[0] as unknown;
    };
    expect(run({ note: 'prototype' })).toBeUndefined();
    const refused = run(JSON.parse('{"note":"x","__proto__":{"role":"admin"}}'));
    expect(refused).toBeInstanceOf(BadRequestException);
    expect((refused as BadRequestException).getResponse()).toEqual({
      code: 'validationFailed',
      message: 'Unknown properties: __proto__',
      // An own key `__proto__` (a literal `{ __proto__: ... }` would set the prototype instead).
      errors: JSON.parse('{"__proto__":"unknownProperty"}'),
    });
    const query = Object.assign(Object.create(null) as Record<string, unknown>, { constructor: '1' });
    expect(((run(undefined, query) as BadRequestException).getResponse() as { errors: unknown }).errors).toEqual({ constructor: 'unknownProperty' });
  });
});
