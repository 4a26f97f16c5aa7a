import { registerLocaleData } from '@angular/common';
import localeDe from '@angular/common/locales/de';
import localeEn from '@angular/common/locales/en';
import {
  EnvironmentProviders,
  LOCALE_ID,
  inject,
  isDevMode,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { TranslocoOptions, TranslocoService, provideTransloco } from '@jsverse/transloco';
import { provideIcuPlurals } from '@wegweiser/client/ui';
import { catchError, firstValueFrom, of } from 'rxjs';
import { LanguageService } from './language.service';
import { DEFAULT_LANGUAGE, LANGUAGES } from './languages';
import { TranslocoHttpLoader } from './transloco-http-loader';

/** German by default, English switchable at runtime; a missing English text falls back to German. */
export function i18nConfig(): TranslocoOptions['config'] {
  return {
    availableLangs: [...LANGUAGES],
    defaultLang: DEFAULT_LANGUAGE,
    fallbackLang: DEFAULT_LANGUAGE,
    reRenderOnLangChange: true,
    prodMode: !isDevMode(),
    missingHandler: { useFallbackTranslation: true },
  };
}

/** Transloco with ICU plurals, Angular locale data for `de` and `en`, `<html lang>` following the active language. */
export function provideI18n(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideTransloco({ config: i18nConfig(), loader: TranslocoHttpLoader }),
    // Plurals by ICU rules: "{count, plural, one {# Plan wartet} other {# Pläne warten}}".
    provideIcuPlurals(),
    { provide: LOCALE_ID, useValue: DEFAULT_LANGUAGE },
    provideAppInitializer(() => {
      registerLocaleData(localeDe, 'de');
      registerLocaleData(localeEn, 'en');
      inject(LanguageService);
      // Render the first screen with its texts, not with keys; start anyway if loading fails.
      return firstValueFrom(
        inject(TranslocoService)
          .load(DEFAULT_LANGUAGE)
          .pipe(catchError(() => of(null))),
      );
    }),
  ]);
}
