import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { UsersApi, usersApiError } from './users-api';

describe('UsersApi', () => {
  let api: UsersApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(UsersApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('calls the account routes with the right methods and bodies, never a name in a URL', () => {
    api.list().subscribe();
    api.get('u1').subscribe();
    api.teams().subscribe();
    api.create({ email: 'nora@ms.example', firstName: 'Nora', lastName: 'Neumann', role: 'manager', teamId: 't1' }).subscribe();
    api.update('u 1', { role: 'evaluator', teamId: null, version: 3 }).subscribe();
    api.resetPassword('u1').subscribe();
    api.unlock('u1').subscribe();
    api.resetSecondFactor('u1').subscribe();

    const calls = http.match(() => true).map(({ request }) => {
      expect(request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
      return [request.method, request.urlWithParams, request.body];
    });
    expect(calls).toEqual([
      ['GET', '/api/users', null],
      ['GET', '/api/users/u1', null],
      ['GET', '/api/teams', null],
      ['POST', '/api/users', { email: 'nora@ms.example', firstName: 'Nora', lastName: 'Neumann', role: 'manager', teamId: 't1' }],
      ['PATCH', '/api/users/u%201', { role: 'evaluator', teamId: null, version: 3 }],
      ['POST', '/api/users/u1/reset-password', {}],
      ['POST', '/api/users/u1/unlock', {}],
      ['POST', '/api/users/u1/reset-second-factor', {}],
    ]);
    for (const [, url] of calls) expect(String(url)).not.toMatch(/nora|neumann/i);
  });

  it('reads the error code and the field codes of a failure', () => {
    let result: ReturnType<typeof usersApiError> | undefined;
    api.create({ email: 'x@y.example', firstName: 'X', lastName: 'Y', role: 'manager' }).subscribe({ error: (error: unknown) => (result = usersApiError(error)) });
    http
      .expectOne('/api/users')
      .flush({ statusCode: 400, code: 'validationFailed', message: 'bad', errors: { teamId: 'teamRequired' } }, { status: 400, statusText: 'Bad Request' });
    expect(result).toEqual({ code: 'validationFailed', fields: { teamId: 'teamRequired' } });
    expect(usersApiError(new Error('network'))).toEqual({ fields: {} });
  });
});
