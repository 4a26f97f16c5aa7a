import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorCode, isApiErrorResponse, isErrorCode, refusedForbiddenCharacters } from './api-error';

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

describe('refusedForbiddenCharacters', () => {
  const refused = (errors?: Record<string, string>) =>
    new HttpErrorResponse({ status: 400, error: { statusCode: 400, code: 'validationFailed', message: 'Validation failed', ...(errors && { errors }) } });

  it('is true when a field was refused for invisible or control characters', () => {
    expect(refusedForbiddenCharacters(refused({ name: 'forbiddenCharacters' }))).toBe(true);
    expect(refusedForbiddenCharacters(refused({ email: 'isEmail', lastName: 'forbiddenCharacters' }))).toBe(true);
  });

  it('is false for other field errors, no field errors and anything that is not an API error', () => {
    expect(refusedForbiddenCharacters(refused({ name: 'maxLength' }))).toBe(false);
    expect(refusedForbiddenCharacters(refused())).toBe(false);
    expect(refusedForbiddenCharacters(new Error('forbiddenCharacters'))).toBe(false);
  });
});
