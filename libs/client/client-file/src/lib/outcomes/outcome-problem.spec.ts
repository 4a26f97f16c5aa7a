import { HttpErrorResponse } from '@angular/common/http';
import { saveProblem } from './outcome-problem';

describe('saveProblem', () => {
  it('keeps the field errors of a 400', () => {
    const error = new HttpErrorResponse({
      status: 400,
      error: { statusCode: 400, code: 'validationFailed', message: 'Invalid fields: endedOn', errors: { endedOn: 'endsBeforeStart' } },
    });
    expect(saveProblem(error)).toEqual({ messageKey: 'errors.validationFailed', fields: { endedOn: 'endsBeforeStart' }, stale: false });
  });

  it('recognises a stale version and the case errors', () => {
    const stale = new HttpErrorResponse({ status: 409, error: { statusCode: 409, code: 'staleVersion', message: 'x', currentVersion: 3 } });
    expect(saveProblem(stale)).toEqual({ messageKey: 'errors.staleVersion', fields: {}, stale: true });
    const closed = new HttpErrorResponse({ status: 409, error: { statusCode: 409, code: 'caseClosed', message: 'x' } });
    expect(saveProblem(closed).messageKey).toBe('errors.caseClosed');
  });

  it('translates a second identical outcome with the outcome editor\'s own text', () => {
    const exists = new HttpErrorResponse({ status: 409, error: { statusCode: 409, code: 'outcomeExists', message: 'x' } });
    expect(saveProblem(exists)).toEqual({ messageKey: 'clientFile.outcomeEditor.exists', fields: {}, stale: false });
  });

  it('falls back to the network and the unknown message', () => {
    expect(saveProblem(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') })).messageKey).toBe('errors.network');
    expect(saveProblem(new HttpErrorResponse({ status: 418, error: { statusCode: 418, code: 'teapot', message: 'x' } })).messageKey).toBe('errors.unknown');
    expect(saveProblem(new Error('boom')).messageKey).toBe('errors.unknown');
  });
});
