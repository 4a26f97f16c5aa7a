import { BadRequestException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { malformedUrlFields, rejectMalformedUrl } from './well-formed-url';

describe('well-formed text in request targets', () => {
  it('names query values whose escapes are no UTF-8 by their parameter, broken names as query, broken segments as path', () => {
    expect(malformedUrlFields('/api/clients?search=%ED%A0%80')).toEqual(['search']);
    expect(malformedUrlFields('/api/clients?search=ok&sort=%E2%82&x=%zz')).toEqual(['sort', 'x']);
    expect(malformedUrlFields('/api/clients?%ED%A0%80=1')).toEqual(['query']);
    expect(malformedUrlFields('/api/clients/%ED%A0%80/plan')).toEqual(['path']);
    expect(malformedUrlFields('/api/clients/%DF%BF%ED%BF%BF?search=%F0%9F')).toEqual(['path', 'search']);
  });

  it('passes well-formed escapes, plus signs, empty parameters and a JSON-style \\ud800 (plain ASCII)', () => {
    expect(malformedUrlFields('/api/clients?search=M%C3%BCller+%F0%9F%91%8D&&empty=&flag')).toEqual([]);
    expect(malformedUrlFields('/api/clients/a%2Fb?search=%5Cud800&q=\\ud800')).toEqual([]);
    expect(malformedUrlFields('/api/health')).toEqual([]);
  });

  it('refuses such a request with 400 validationFailed, field → invalid', () => {
    const run = (originalUrl: string) => {
      const next = jest.fn();
      rejectMalformedUrl({ originalUrl } as Request, {} as Response, next);
      return next.mock.calls[0]?.[0] as unknown;
    };
    expect(run('/api/clients?search=M%C3%BCller')).toBeUndefined();
    const refused = run('/api/clients?search=%ED%A0%80');
    expect(refused).toBeInstanceOf(BadRequestException);
    expect((refused as BadRequestException).getResponse()).toEqual({ code: 'validationFailed', message: 'Invalid fields: search', errors: { search: 'invalid' } });
  });
});
