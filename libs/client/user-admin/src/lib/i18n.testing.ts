import { registerLocaleData } from '@angular/common';
import localeDe from '@angular/common/locales/de';
import { ModuleWithProviders } from '@angular/core';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The texts of the `user-admin` scope (the real files). */
export const USER_ADMIN_TEXTS = (lang: 'de' | 'en') =>
  JSON.parse(readFileSync(join(__dirname, `../../../../../apps/client/public/i18n/user-admin/${lang}.json`), 'utf8'));

/** Transloco with the scope's German texts, active and preloaded (specs only; add `provideIcuPlurals()` for plurals). */
export function userAdminTranslations(): ModuleWithProviders<TranslocoTestingModule> {
  registerLocaleData(localeDe, 'de');
  const de = USER_ADMIN_TEXTS('de');
  return TranslocoTestingModule.forRoot({
    langs: { de: { userAdmin: de }, 'user-admin/de': de },
    translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
    preloadLangs: true,
  });
}
