import { registerLocaleData } from '@angular/common';
import localeDe from '@angular/common/locales/de';
import { ModuleWithProviders } from '@angular/core';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Texts = { [key: string]: string | Texts };

/** The texts of the `data-protection` scope (the real files). */
export function dataProtectionTexts(lang: 'de' | 'en'): Texts {
  return JSON.parse(readFileSync(join(__dirname, `../../../../../apps/client/public/i18n/data-protection/${lang}.json`), 'utf8'));
}

/** Transloco with the scope's German texts under its alias `dataProtection`, active and preloaded (specs only). */
export function dataProtectionTranslations(): ModuleWithProviders<TranslocoTestingModule> {
  registerLocaleData(localeDe, 'de');
  const de = dataProtectionTexts('de');
  return TranslocoTestingModule.forRoot({
    langs: { de: { dataProtection: de }, 'data-protection/de': de },
    translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
    preloadLangs: true,
  });
}
