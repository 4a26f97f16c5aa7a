import { BadRequestException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { malformedTextPaths, rejectMalformedText } from './well-formed-text';

describe('well-formed text in request bodies', () => {
  it('finds lone surrogates in values and keys at any depth, and passes paired ones (emoji), Arabic and control text', () => {
    expect(malformedTextPaths({ email: '\uD800', names: ['ok', 'x\uDFFFy'], nested: { '\uDBFF': 1 } }).sort()).toEqual(['email', 'names.1', 'nested.\uDBFF'].sort());
    expect(malformedTextPaths({ a: '👩‍👩‍👧‍👦', b: 'مرحبا', c: 'a\u0000b', d: 1, e: null, f: [true] })).toEqual([]);
    expect(malformedTextPaths('\uDC00')).toEqual(['']);
    expect(malformedTextPaths(undefined)).toEqual([]);
  });

  it('refuses such a body with 400 validationFailed naming the field, and lets others through', () => {
    const run = (body: unknown) => {
      const next = jest.fn();
      rejectMalformedText({ body } as Request, {} as Response, next);
      return next.mock.calls[0]?.[0] as unknown;
    };
    expect(run({ email: 'a@b.example' })).toBeUndefined();
    const refused = run({ email: '\uD800' });
    expect(refused).toBeInstanceOf(BadRequestException);
    expect((refused as BadRequestException).getResponse()).toEqual(expect.objectContaining({ code: 'validationFailed', errors: { email: 'invalid' } }));
  });
});
