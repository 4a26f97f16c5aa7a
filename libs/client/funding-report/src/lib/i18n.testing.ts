import { registerLocaleData } from '@angular/common';
import localeDe from '@angular/common/locales/de';
import { ModuleWithProviders } from '@angular/core';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Texts = { [key: string]: string | Texts };

/** The texts of the `funding-report` scope (the real files). */
export function fundingReportTexts(lang: 'de' | 'en'): Texts {
  return JSON.parse(readFileSync(join(__dirname, `../../../../../apps/client/public/i18n/funding-report/${lang}.json`), 'utf8'));
}

/** Transloco with the scope's German texts under its alias `fundingReport`, active and preloaded (specs only). */
export function fundingReportTranslations(): ModuleWithProviders<TranslocoTestingModule> {
  registerLocaleData(localeDe, 'de');
  const de = fundingReportTexts('de');
  return TranslocoTestingModule.forRoot({
    langs: { de: { fundingReport: de }, 'funding-report/de': de },
    translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
    preloadLangs: true,
  });
}
