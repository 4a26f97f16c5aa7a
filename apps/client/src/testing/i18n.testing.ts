import { registerLocaleData } from '@angular/common';
import localeDe from '@angular/common/locales/de';
import localeEn from '@angular/common/locales/en';
import { ModuleWithProviders } from '@angular/core';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { i18nConfig } from '../app/core/i18n/provide-i18n';
import de from '../../public/i18n/de.json';
import en from '../../public/i18n/en.json';

export const translations = { de, en };

/** Transloco with the real translation files, German active, both languages preloaded. */
export function i18nTesting(): ModuleWithProviders<TranslocoTestingModule> {
  registerLocaleData(localeDe, 'de');
  registerLocaleData(localeEn, 'en');
  return TranslocoTestingModule.forRoot({
    langs: translations,
    translocoConfig: i18nConfig(),
    preloadLangs: true,
  });
}
