import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { registerLocaleData } from '@angular/common';
import localeDe from '@angular/common/locales/de';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { UnreadReminders } from '@wegweiser/client/data-access';
import { ReminderPageResponse, ReminderResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RemindersPage } from './reminders-page';
import { provideIcuPlurals } from '@wegweiser/client/ui';

const i18n = (lang: string) => JSON.parse(readFileSync(join(__dirname, `../../../../../../apps/client/public/i18n/reminders/${lang}.json`), 'utf8'));

function reminder(overrides: Partial<ReminderResponse> = {}): ReminderResponse {
  return {
    id: 'r-1',
    kind: 'window_6m',
    clientId: 'c-1',
    caseNumber: 'BH-2024-00017',
    firstName: 'Amina',
    lastName: 'Haddad',
    dueOn: '2027-05-10',
    appointmentAt: null,
    subjectTitle: null,
    weeks: null,
    recipientId: 'm-1',
    createdAt: '2026-11-10T04:00:00.000Z',
    readAt: null,
    ...overrides,
  };
}

function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value as Record<string, unknown>, `${prefix}${key}.`)));
}

describe('RemindersPage', () => {
  let fixture: ComponentFixture<RemindersPage>;
  let backend: HttpTestingController;
  const refresh = jest.fn().mockResolvedValue(undefined);
  const snackBar = { open: jest.fn() };
  const page = () => fixture.nativeElement as HTMLElement;

  async function answerList(body: ReminderPageResponse, unread = 'true') {
    const request = backend.expectOne((r) => r.url === '/api/reminders');
    expect(request.request.params.get('unread')).toBe(unread);
    request.flush(body);
    await fixture.whenStable();
    fixture.detectChanges();
  }

  beforeEach(() => {
    registerLocaleData(localeDe, 'de');
    refresh.mockClear();
    snackBar.open.mockClear();
    TestBed.configureTestingModule({
      imports: [
        RemindersPage,
        TranslocoTestingModule.forRoot({
          langs: { de: { reminders: i18n('de') } },
          translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideIcuPlurals(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideNoopAnimations(),
        { provide: UnreadReminders, useValue: { refresh } },
        { provide: MatSnackBar, useValue: snackBar },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RemindersPage);
    fixture.detectChanges();
  });

  afterEach(() => backend.verify());

  it('has the same texts in German and English', async () => {
    expect(keys(i18n('en')).sort()).toEqual(keys(i18n('de')).sort());
    await answerList({ items: [], total: 0, limit: 50, offset: 0 });
  });

  it('says per kind what is due, with the client linked and free text in its own direction', async () => {
    await answerList({
      items: [
        reminder(),
        reminder({ id: 'r-2', kind: 'goal_overdue', dueOn: '2026-11-09', subjectTitle: 'Arbeitsstelle finden' }),
        reminder({ id: 'r-3', kind: 'no_contact', dueOn: '2026-09-14', weeks: 8 }),
        reminder({ id: 'r-4', kind: 'appointment_tomorrow', dueOn: '2026-11-11', appointmentAt: '2026-11-11T08:30:00.000Z' }),
      ],
      total: 4,
      limit: 50,
      offset: 0,
    });
    const items = Array.from(page().querySelectorAll('li')).map((li) => li.querySelector('.reminders__text')?.textContent?.replace(/\s+/g, ' ').trim());
    expect(items[0]).toBe('Betreuungszeitraum endet in 6 Monaten (am 10.05.2027)');
    expect(items[1]).toBe('Ziel überfällig (fällig am 09.11.2026): Arbeitsstelle finden');
    expect(items[2]).toBe('Seit 8 Wochen kein Kontakt (zuletzt am 14.09.2026)');
    expect(items[3]).toMatch(/^Termin morgen um \d\d:30$/);
    expect(page().querySelector('.reminders__subject')?.getAttribute('dir')).toBe('auto');
    expect(page().querySelector('a[href="/klienten/c-1"] [dir="auto"]')?.textContent).toBe('Amina Haddad');
    expect(page().querySelector('[role="status"]')?.textContent).toContain('4 ungelesen');
  });

  it('marks one read: it leaves the unread list, the badge is refreshed and the user told', async () => {
    await answerList({ items: [reminder(), reminder({ id: 'r-2', clientId: 'c-2', lastName: 'Nasser' })], total: 2, limit: 50, offset: 0 });
    const button = page().querySelector<HTMLButtonElement>('button[aria-label*="Amina Haddad"]');
    expect(button?.getAttribute('aria-label')).toBe('Als gelesen markieren: Betreuungszeitraum endet in 6 Monaten (am 10.05.2027) – Amina Haddad');
    button?.click();
    backend.expectOne({ method: 'POST', url: '/api/reminders/r-1/read' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(page().querySelectorAll('li')).toHaveLength(1);
    expect(page().textContent).not.toContain('Amina Haddad');
    expect(page().querySelector('[role="status"]')?.textContent).toContain('1 ungelesen');
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(snackBar.open).toHaveBeenCalledWith('Als gelesen markiert.', undefined, { duration: 4000 });
  });

  it('shows read ones too when "Nur ungelesene" is unticked', async () => {
    await answerList({ items: [], total: 0, limit: 50, offset: 0 });
    expect(page().textContent).toContain('Keine ungelesenen Erinnerungen.');
    page().querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
    fixture.detectChanges();
    await answerList({ items: [reminder({ readAt: '2026-11-10T08:00:00.000Z' })], total: 1, limit: 50, offset: 0 }, 'false');
    expect(page().querySelector('.reminders__read')?.textContent).toContain('Gelesen');
    expect(page().querySelector('button[aria-label^="Als gelesen markieren"]')).toBeNull();
  });
});
