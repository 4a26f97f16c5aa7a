import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuPlurals } from '@wegweiser/client/ui';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const texts = (lang: string) => JSON.parse(readFileSync(join(__dirname, `../../../../../apps/client/public/i18n/caseload/${lang}.json`), 'utf8'));

/** The Fallbestand's counts follow the plural rules of the language (ICU), never "1 Klient:innen". */
describe('caseload count texts', () => {
  function transloco(): TranslocoService {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { de: { caseload: texts('de') }, en: { caseload: texts('en') } },
          translocoConfig: { availableLangs: ['de', 'en'], defaultLang: 'de' },
          preloadLangs: true,
        }),
      ],
      providers: [provideIcuPlurals()],
    });
    return TestBed.inject(TranslocoService);
  }

  it('says "1 Klient:in gefunden" and "3 Klient:innen gefunden" (and 1.200 with German grouping)', () => {
    const t = transloco();
    expect(t.translate('caseload.total', { count: 1 })).toBe('1 Klient:in gefunden');
    expect(t.translate('caseload.total', { count: 3 })).toBe('3 Klient:innen gefunden');
    expect(t.translate('caseload.total', { count: 1200 })).toBe('1.200 Klient:innen gefunden');
    expect(t.translate('caseload.openGoals.count', { count: 1 })).toBe('1 Ziel');
    expect(t.translate('caseload.openGoals.count', { count: 2 })).toBe('2 Ziele');
    expect(t.translate('caseload.window.monthsLeft', { months: 0 })).toBe('weniger als 1 Monat');
    expect(t.translate('caseload.window.monthsLeft', { months: 1 })).toBe('noch 1 Monat');
    expect(t.translate('caseload.window.monthsLeft', { months: 7 })).toBe('noch 7 Monate');
    expect(t.translate('caseload.reassign.done', { count: 1 })).toBe('1 Klient:in neu zugewiesen');
    expect(t.translate('caseload.reassign.dialog.openClients', { count: 1 })).toBe('1 offener Fall');
  });

  it('in English too', () => {
    const t = transloco();
    t.setActiveLang('en');
    expect(t.translate('caseload.total', { count: 1 })).toBe('1 client found');
    expect(t.translate('caseload.total', { count: 2 })).toBe('2 clients found');
  });
});
