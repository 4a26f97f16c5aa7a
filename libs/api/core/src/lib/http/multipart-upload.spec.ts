import { BadRequestException, CallHandler, ExecutionContext } from '@nestjs/common';
import { of } from 'rxjs';
import { illFormedMultipartFields, WellFormedMultipartInterceptor } from './multipart-upload';

const multerBody = (fields: Record<string, string>) => Object.assign(Object.create(null) as Record<string, string>, fields);
const file = (originalname: string) => ({ fieldname: 'file', originalname });

describe('well-formed multipart text', () => {
  it('names fields and the file whose text is ill-formed (U+FFFD from undecodable bytes, lone surrogates)', () => {
    expect(illFormedMultipartFields({ body: multerBody({ token: 'abc' }), file: file('Partner-Übersicht.csv') })).toEqual([]);
    expect(illFormedMultipartFields({ body: multerBody({ token: 'a\uFFFD' }), file: file('\uD800.csv') })).toEqual(['token', 'file']);
    expect(illFormedMultipartFields({ body: multerBody({ 'x\uFFFD': '1' }) })).toEqual(['x\uFFFD']);
    expect(illFormedMultipartFields({ body: undefined })).toEqual([]);
  });

  it('refuses controls, bidi overrides and invisible characters in field values and file names (single-line text)', () => {
    expect(illFormedMultipartFields({ body: multerBody({ token: 'abc' }), file: file('Liste\u202Evsc.exe') })).toEqual(['file']);
    expect(illFormedMultipartFields({ body: multerBody({ token: 'a\u200Bb' }) })).toEqual(['token']);
    expect(illFormedMultipartFields({ body: multerBody({ token: 'a\nb' }), file: file('شركاء.csv') })).toEqual(['token']);
  });

  it('refuses them, and prototype keys among the field names, before the handler', () => {
    const interceptor = new WellFormedMultipartInterceptor();
    const next: CallHandler = { handle: jest.fn(() => of('handled')) };
    const run = (req: object) => {
      try {
        interceptor.intercept({ switchToHttp: () => ({ getRequest: () => req }) } as unknown as ExecutionContext, next);
        return undefined;
      } catch (error) {
        expect(error).toBeInstanceOf(BadRequestException);
        return (error as BadRequestException).getResponse();
      }
    };
    expect(run({ body: multerBody({ token: 't' }), file: file('a.csv') })).toBeUndefined();
    expect(next.handle).toHaveBeenCalledTimes(1);
    expect(run({ body: multerBody({}), file: file('a\uFFFD.csv') })).toEqual({ code: 'validationFailed', message: 'Invalid fields: file', errors: { file: 'invalid' } });
    expect(run({ body: multerBody({ constructor: 'x' }) })).toEqual(expect.objectContaining({ errors: { constructor: 'unknownProperty' } }));
    expect(next.handle).toHaveBeenCalledTimes(1);
  });
});
