import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorCode, isApiErrorResponse, isErrorCode } from './api-error';

describe('API error helpers', () => {
  it('recognises the API error shape', () => {
    expect(isApiErrorResponse({ statusCode: 404, code: 'notFound', message: 'Not found' })).toBe(true);
    expect(isApiErrorResponse({ statusCode: 404, message: 'Not found' })).toBe(false);
    expect(isApiErrorResponse('Not found')).toBe(false);
    expect(isApiErrorResponse(null)).toBe(false);
  });

  it('knows exactly the shared error codes', () => {
    expect(isErrorCode('validationFailed')).toBe(true);
    expect(isErrorCode('somethingElse')).toBe(false);
  });

  it('reads a known code from a failed response', () => {
    const error = new HttpErrorResponse({
      status: 409,
      error: { statusCode: 409, code: 'conflict', message: 'Conflict' },
    });
    expect(apiErrorCode(error)).toBe('conflict');
  });

  it('returns undefined for unknown codes, other bodies and non-HTTP errors', () => {
    expect(
      apiErrorCode(
        new HttpErrorResponse({ status: 418, error: { statusCode: 418, code: 'teapot', message: 'x' } }),
      ),
    ).toBeUndefined();
    expect(apiErrorCode(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }))).toBeUndefined();
    expect(apiErrorCode(new Error('boom'))).toBeUndefined();
  });
});
