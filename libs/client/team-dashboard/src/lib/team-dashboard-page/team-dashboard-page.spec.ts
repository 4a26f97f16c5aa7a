import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { registerLocaleData } from '@angular/common';
import localeDe from '@angular/common/locales/de';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideCharts } from 'ng2-charts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHART_REGISTERABLES } from '../dashboard-charts';
import { sampleDashboard } from '../testing';
import { TeamDashboardPage, WEEKS_DEBOUNCE_MS } from './team-dashboard-page';
import { provideIcuPlurals } from '@wegweiser/client/ui';

const de = JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n/team-dashboard/de.json'), 'utf8'));

describe('TeamDashboardPage', () => {
  let fixture: ComponentFixture<TeamDashboardPage>;
  let backend: HttpTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const link = (text: string) => [...page().querySelectorAll('a')].find((a) => a.textContent?.includes(text));

  beforeEach(() => {
    jest.useFakeTimers();
    jest.spyOn(console, 'error').mockImplementation(() => undefined); // jsdom has no canvas context for Chart.js
    registerLocaleData(localeDe, 'de');
    TestBed.configureTestingModule({
      imports: [
        TeamDashboardPage,
        TranslocoTestingModule.forRoot({
          langs: { de: { teamDashboard: de }, 'team-dashboard/de': de },
          translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
          preloadLangs: true,
        }),
      ],
      providers: [
        provideIcuPlurals(),provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideNoopAnimations(), provideCharts({ registerables: CHART_REGISTERABLES })],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TeamDashboardPage);
    fixture.detectChanges();
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  function load(): void {
    backend.expectOne('/api/team/dashboard?noContactWeeks=8').flush(sampleDashboard());
    fixture.detectChanges();
  }

  it('shows each figure as a link to the list behind it', () => {
    load();
    const noContact = link('ohne Kontakt seit mehr als 8 Wochen');
    expect(noContact?.textContent).toContain('9');
    expect(noContact?.getAttribute('href')).toBe('/fallbestand?noContactSince=2026-09-26&state=active&sort=lastContact');
    expect(link('überfällige Ziele (bei 8 Klient:innen)')?.getAttribute('href')).toBe('/fallbestand?goalsOverdue=true&openCases=true');
    expect(link('überfällige Schritte')?.getAttribute('href')).toBe('/fallbestand?stepsOverdue=true&openCases=true');
    expect(link('Pläne warten auf Freigabe')?.getAttribute('href')).toBe('/fallbestand?planAwaitingSignOff=true');
    expect(link('Verlängerung wartet auf Entscheidung')?.getAttribute('href')).toBe('/fallbestand?extensionPending=true');
    expect(link('Alle Klient:innen, deren Betreuung in den nächsten 3 Monaten endet')?.getAttribute('href')).toBe('/fallbestand?windowEndsWithinMonths=3&sort=windowEnd');
  });

  it('has every chart as an image with a description, and its numbers as tables with links', () => {
    load();
    const charts = [...page().querySelectorAll('canvas')];
    expect(charts.map((c) => c.getAttribute('role'))).toEqual(['img', 'img', 'img']);
    expect(charts.every((c) => (c.getAttribute('aria-label') ?? '').length > 20)).toBe(true);
    expect(page().querySelectorAll('details table')).toHaveLength(3);
    expect(link('Julia Neumann')?.getAttribute('href')).toBe('/fallbestand?managerId=11111111-1111-4111-8111-111111111111&state=active');
    expect(page().textContent).toContain('deaktiviert');
    const december = [...page().querySelectorAll('tr')].find((row) => row.textContent?.includes('Dezember 2026'));
    expect(december?.querySelector('a')?.getAttribute('href')).toBe('/fallbestand?windowEndsAfter=2026-12-01&windowEndsBefore=2027-01-01&openCases=true&sort=windowEnd');
    const work = page().querySelector('a[aria-label="5 Ziele bei 4 Klient:innen"]');
    expect(work?.getAttribute('href')).toBe('/fallbestand?fieldOfAction=work&goalState=open&openCases=true');
  });

  it('opens the month of a clicked bar', () => {
    load();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    (fixture.componentInstance as unknown as { openMonth(active: object[]): void }).openMonth([{ index: 1, datasetIndex: 0 }]);
    expect(navigate).toHaveBeenCalledWith(['/fallbestand'], { queryParams: { windowEndsAfter: '2026-12-01', windowEndsBefore: '2027-01-01', openCases: 'true', sort: 'windowEnd' } });
  });

  it('asks again with other weeks without contact, but not for invalid ones', () => {
    load();
    const input = page().querySelector('input[type="number"]') as HTMLInputElement;
    input.value = '0';
    input.dispatchEvent(new Event('input'));
    jest.advanceTimersByTime(WEEKS_DEBOUNCE_MS);
    backend.expectNone((r) => r.url === '/api/team/dashboard');
    input.value = '12';
    input.dispatchEvent(new Event('input'));
    jest.advanceTimersByTime(WEEKS_DEBOUNCE_MS);
    backend.expectOne('/api/team/dashboard?noContactWeeks=12').flush({ ...sampleDashboard(), noContactWeeks: 12 });
    fixture.detectChanges();
    expect(link('seit mehr als 12 Wochen')).toBeTruthy();
  });

  it('says when loading failed and tries again', () => {
    backend.expectOne('/api/team/dashboard?noContactWeeks=8').flush({}, { status: 500, statusText: 'Server Error' });
    fixture.detectChanges();
    expect(page().querySelector('[role="alert"]')?.textContent).toContain('konnte nicht geladen werden');
    (page().querySelector('[role="alert"] button') as HTMLButtonElement).click();
    load();
    expect(page().querySelector('[role="alert"]')).toBeNull();
  });

  it('shows when the figures were computed and has them computed now on "Aktualisieren"', () => {
    load();
    const asOf = page().querySelector('.dashboard__as-of');
    const timeOf = (iso: string) => new Intl.DateTimeFormat('de', { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
    const time = timeOf('2026-11-21T09:15:00.000Z');
    expect(asOf?.textContent).toContain(`Stand: 21. November 2026, ${time} Uhr`);
    const refresh = [...page().querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Aktualisieren') as HTMLButtonElement;
    refresh.click();
    backend.expectOne('/api/team/dashboard?noContactWeeks=8&refresh=true').flush({ ...sampleDashboard(), computedAt: '2026-11-21T09:16:00.000Z' });
    fixture.detectChanges();
    expect(page().querySelector('.dashboard__as-of')?.textContent).toContain(`${timeOf('2026-11-21T09:16:00.000Z')} Uhr`);
  });
});
