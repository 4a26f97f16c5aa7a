import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { UnreadReminders } from '@wegweiser/client/data-access';
import { TodayResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TodayPage } from './today-page';

const i18n = (lang: string) => JSON.parse(readFileSync(join(__dirname, `../../../../../../apps/client/public/i18n/today/${lang}.json`), 'utf8'));

function keys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value as Record<string, unknown>, `${prefix}${key}.`)));
}

const CLIENT = { clientId: '11111111-1111-4111-8111-111111111111', caseNumber: 'BH-2026-00001', firstName: 'Amina', lastName: 'Haddad' };

function todayResponse(): TodayResponse {
  return {
    today: '2026-12-07',
    until: '2026-12-14',
    noContactWeeks: 8,
    appointments: {
      items: [
        { ...CLIENT, conversationId: 'c1', appointmentAt: '2026-12-07T13:00:00.000Z' },
        { ...CLIENT, conversationId: 'c2', appointmentAt: '2026-12-09T09:30:00.000Z' },
      ],
      total: 2,
    },
    steps: {
      items: [
        { ...CLIENT, stepId: 's1', description: 'Lebenslauf schreiben', goalTarget: 'Arbeit finden', dueOn: '2026-12-07' },
        { ...CLIENT, stepId: 's2', description: 'Zeugnisse übersetzen', goalTarget: 'Arbeit finden', dueOn: '2026-12-01' },
      ],
      total: 30,
    },
    noContact: { items: [{ ...CLIENT, lastContactOn: null, supportStart: '2026-09-01' }], total: 1 },
  };
}

describe('TodayPage', () => {
  let backend: HttpTestingController;
  const refresh = jest.fn().mockResolvedValue(undefined);

  beforeEach(() => {
    refresh.mockClear();
    TestBed.configureTestingModule({
      imports: [TodayPage, TranslocoTestingModule.forRoot({ langs: { de: { today: i18n('de') } }, translocoConfig: { availableLangs: ['de'], defaultLang: 'de' }, preloadLangs: true })],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: UnreadReminders, useValue: { refresh } }],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function render(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(TodayPage);
    fixture.detectChanges();
    backend.expectOne('/api/today').flush(todayResponse());
    backend.expectOne((r) => r.url === '/api/reminders' && r.params.get('unread') === 'true').flush({ items: [], total: 7, limit: 5, offset: 0 });
    // Promise.all of both answers settles a few microtasks later.
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    fixture.detectChanges();
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('has the same texts in German and English', () => {
    expect(keys(i18n('en')).sort()).toEqual(keys(i18n('de')).sort());
  });

  it("splits today's appointments from the week's, in German time, each linked to the file", async () => {
    const page = await render();
    const today = page.querySelector('ul[aria-label="Termine heute"]');
    const week = page.querySelector('ul[aria-label="Termine der nächsten 7 Tage"]');
    expect(today?.querySelectorAll('li')).toHaveLength(1);
    expect(today?.textContent).toContain('14:00 Uhr');
    expect(week?.textContent).toContain('10:30 Uhr');
    expect(today?.querySelector('a')?.getAttribute('href')).toBe(`/klienten/${CLIENT.clientId}`);
    expect(today?.querySelector('button')?.getAttribute('aria-label')).toMatch(/^Termin am .+ um 14:00 Uhr mit Amina Haddad als Kalenderdatei herunterladen$/);
  });

  it('marks overdue steps, says how many in all, and counts the unread reminders', async () => {
    const page = await render();
    const steps = page.querySelector('ul[aria-label="Fällige und überfällige Schritte"]');
    expect(steps?.textContent).toContain('heute fällig');
    expect(steps?.textContent).toContain('überfällig seit 01.12.2026');
    expect(page.textContent).toContain('Fällige und überfällige Schritte (30)');
    expect(page.textContent).toContain('2 von 30 angezeigt');
    expect(page.querySelector('[data-testid="today-unread"]')?.textContent?.trim()).toBe('7 ungelesen');
    expect(page.textContent).toContain('Noch kein Gespräch (Betreuung seit 01.09.2026)');
    // The bell is asked again, so it shows the same count as the page.
    expect(refresh).toHaveBeenCalled();
  });
});
