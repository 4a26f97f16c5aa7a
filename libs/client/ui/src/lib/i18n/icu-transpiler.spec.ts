import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuPlurals } from './icu-transpiler';

describe('IcuTranspiler', () => {
  function setUp(): TranslocoService {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: {
            de: { waiting: '{count, plural, =0 {Keine Pläne warten} one {# Plan wartet} other {# Pläne warten}}', hello: 'Hallo {{ name }}', quote: "Klient:in's {{ n }}" },
            en: { waiting: '{count, plural, one {# plan waiting} other {# plans waiting}}', hello: 'Hello {{ name }}', quote: 'x' },
          },
          translocoConfig: { availableLangs: ['de', 'en'], defaultLang: 'de' },
          preloadLangs: true,
        }),
      ],
      providers: [provideIcuPlurals()],
    });
    return TestBed.inject(TranslocoService);
  }

  it('chooses the German plural form by count', () => {
    const transloco = setUp();
    expect(transloco.translate('waiting', { count: 0 })).toBe('Keine Pläne warten');
    expect(transloco.translate('waiting', { count: 1 })).toBe('1 Plan wartet');
    expect(transloco.translate('waiting', { count: 3 })).toBe('3 Pläne warten');
    expect(transloco.translate('waiting', { count: 1200 })).toBe('1.200 Pläne warten');
  });

  it('follows the active language', () => {
    const transloco = setUp();
    transloco.setActiveLang('en');
    expect(transloco.translate('waiting', { count: 1 })).toBe('1 plan waiting');
    expect(transloco.translate('waiting', { count: 1200 })).toBe('1,200 plans waiting');
  });

  it('leaves texts without an ICU argument to the usual interpolation', () => {
    const transloco = setUp();
    expect(transloco.translate('hello', { name: 'Amal' })).toBe('Hallo Amal');
    expect(transloco.translate('quote', { n: 2 })).toBe("Klient:in's 2");
  });
});
