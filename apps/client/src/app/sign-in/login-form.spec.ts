import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { CsrfTokenStore } from '@wegweiser/client/data-access';
import { i18nTesting } from '../../testing/i18n.testing';
import { sessionFor } from '../../testing/session.testing';
import { LoginForm } from './login-form';

describe('LoginForm', () => {
  let fixture: ComponentFixture<LoginForm>;
  let backend: HttpTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const alert = () => page().querySelector('[role="alert"]')?.textContent?.trim() ?? '';
  const settle = () => new Promise((resolve) => setTimeout(resolve));
  const labels = () => Array.from(page().querySelectorAll('mat-label')).map((label) => label.textContent?.trim());

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [LoginForm, i18nTesting()],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(CsrfTokenStore).set('anonymous');
    fixture = TestBed.createComponent(LoginForm);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  function type(label: string, value: string): void {
    const field = Array.from(page().querySelectorAll('mat-form-field')).find((candidate) =>
      candidate.querySelector('mat-label')?.textContent?.includes(label),
    );
    const input = field?.querySelector('input') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(email = 'julia.neumann@bh.wegweiser.example', password = 'Wegweiser-Demo-2026') {
    type('E-Mail-Adresse', email);
    type('Passwort', password);
    page().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  }

  it('has German labels and a German submit button', () => {
    expect(page().querySelector('h2')?.textContent?.trim()).toBe('Anmelden');
    expect(labels()).toEqual(['E-Mail-Adresse', 'Passwort']);
    expect(page().querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Anmelden');
    expect(page().querySelector('input[type="password"]')?.getAttribute('autocomplete')).toBe('current-password');
  });

  it('signs in and goes to the start page of the role', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await submit();

    const request = backend.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ email: 'julia.neumann@bh.wegweiser.example', password: 'Wegweiser-Demo-2026' });
    request.flush(sessionFor('manager'));
    await settle();
    await fixture.whenStable();

    expect(navigate).toHaveBeenCalledWith('/heute');
    expect(alert()).toBe('');
  });

  it('shows wrong credentials in German and clears the password', async () => {
    await submit();
    backend
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, code: 'invalidCredentials', message: 'E-mail or password is wrong' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle();
    await fixture.whenStable();

    expect(alert()).toBe('E-Mail-Adresse oder Passwort ist falsch, oder das Konto ist vorübergehend gesperrt.');
    expect(page().querySelector<HTMLInputElement>('input[type="password"]')?.value).toBe('');
  });

  it('shows too many attempts in German', async () => {
    await submit();
    backend
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 429, code: 'tooManyRequests', message: 'Too many sign-in attempts' },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await settle();
    await fixture.whenStable();

    expect(alert()).toBe('Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es erneut.');
  });

  it('sends nothing while the form is incomplete and explains what is missing', async () => {
    await submit('not-an-e-mail', '');

    backend.expectNone('/api/auth/login');
    expect(page().textContent).toContain('Bitte geben Sie eine gültige E-Mail-Adresse ein.');
    expect(page().textContent).toContain('Bitte geben Sie Ihr Passwort ein.');
  });

  it('explains an expired session', async () => {
    fixture.componentRef.setInput('reason', 'abgelaufen');
    await fixture.whenStable();

    expect(page().querySelector('[role="status"]')?.textContent).toContain('wegen Inaktivität abgemeldet');
  });
});
