import { HttpClient, HttpContext, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoService } from '@jsverse/transloco';
import { HANDLES_ERRORS_LOCALLY } from '@wegweiser/client/data-access';
import { ApiErrorResponse } from '@wegweiser/shared/contracts';
import { i18nTesting } from '../../../testing/i18n.testing';
import { apiErrorInterceptor } from './api-error.interceptor';

describe('apiErrorInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let open: jest.SpyInstance;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [i18nTesting()],
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    open = jest.spyOn(TestBed.inject(MatSnackBar), 'open');
  });

  afterEach(() => backend.verify());

  /** Sends GET /api/things, answers with `status` and `body`, returns what the caller got. */
  async function failWith(
    status: number,
    body: ApiErrorResponse | string | null,
    context?: HttpContext,
  ): Promise<unknown> {
    let received: unknown;
    http.get('/api/things', { context }).subscribe({ error: (error: unknown) => (received = error) });
    backend.expectOne('/api/things').flush(body, { status, statusText: 'Error' });
    await new Promise((resolve) => setTimeout(resolve)); // the snackbar module is imported lazily
    return received;
  }

  it('says which characters are wrong when a field was refused for forbidden characters', async () => {
    await failWith(400, {
      statusCode: 400,
      code: 'validationFailed',
      message: 'Validation failed',
      errors: { firstName: 'forbiddenCharacters' },
    });

    expect(open).toHaveBeenCalledWith(
      'Enthält unsichtbare oder Steuerzeichen, die nicht erlaubt sind.',
      'Schließen',
      expect.anything(),
    );
  });

  it('shows the translated message for the API error code and passes the error on', async () => {
    const received = await failWith(409, { statusCode: 409, code: 'conflict', message: 'Conflict' });

    expect(open).toHaveBeenCalledWith(
      'Der Eintrag wurde inzwischen geändert oder existiert bereits.',
      'Schließen',
      expect.objectContaining({ duration: expect.any(Number) }),
    );
    expect(received).toBeInstanceOf(HttpErrorResponse);
  });

  it('uses the active language', async () => {
    TestBed.inject(TranslocoService).setActiveLang('en');

    await failWith(422, { statusCode: 422, code: 'validationFailed', message: 'Validation failed' });

    expect(open).toHaveBeenCalledWith('Please check your input.', 'Close', expect.anything());
  });

  it('falls back to a generic message for unknown codes and other bodies', async () => {
    await failWith(418, { statusCode: 418, code: 'teapot', message: 'I am a teapot' });
    await failWith(502, '<html>Bad Gateway</html>');

    expect(open).toHaveBeenCalledTimes(2);
    for (const [message] of open.mock.calls) {
      expect(message).toBe('Es ist ein unerwarteter Fehler aufgetreten. Bitte versuchen Sie es erneut.');
    }
  });

  it('reports a lost connection', async () => {
    http.get('/api/things').subscribe({ error: () => undefined });
    backend.expectOne('/api/things').error(new ProgressEvent('error'), { status: 0 });
    await new Promise((resolve) => setTimeout(resolve));

    expect(open).toHaveBeenCalledWith(
      'Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
      'Schließen',
      expect.anything(),
    );
  });

  it('stays silent when the caller handles the error itself', async () => {
    const received = await failWith(
      503,
      { statusCode: 503, code: 'databaseUnavailable', message: 'Database unavailable' },
      new HttpContext().set(HANDLES_ERRORS_LOCALLY, true),
    );

    expect(open).not.toHaveBeenCalled();
    expect(received).toBeInstanceOf(HttpErrorResponse);
  });
});
