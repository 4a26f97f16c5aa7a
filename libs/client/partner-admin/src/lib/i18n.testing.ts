import { registerLocaleData } from '@angular/common';
import localeDe from '@angular/common/locales/de';
import { ModuleWithProviders } from '@angular/core';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Texts = { [key: string]: string | Texts };

/** The texts of the `partner-admin` scope (the real files). */
export const loadPartnerAdminTexts = (lang: 'de' | 'en'): Texts =>
  JSON.parse(readFileSync(join(__dirname, `../../../../../apps/client/public/i18n/partner-admin/${lang}.json`), 'utf8'));

/** Transloco with the scope's German texts, active and preloaded (specs only; add provideIcuPlurals() for plurals). */
export function partnerAdminTranslations(): ModuleWithProviders<TranslocoTestingModule> {
  registerLocaleData(localeDe, 'de');
  const de = loadPartnerAdminTexts('de');
  return TranslocoTestingModule.forRoot({
    langs: { de: { partnerAdmin: de }, 'partner-admin/de': de },
    translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
    preloadLangs: true,
  });
}
