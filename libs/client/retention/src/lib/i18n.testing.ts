import { registerLocaleData } from '@angular/common';
import localeDe from '@angular/common/locales/de';
import { ModuleWithProviders } from '@angular/core';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The German texts of the `retention` scope (the real file). */
export const RETENTION_DE = JSON.parse(readFileSync(join(__dirname, '../../../../../apps/client/public/i18n/retention/de.json'), 'utf8'));

/** Transloco with the scope's German texts, active and preloaded (specs only). */
export function retentionTranslations(): ModuleWithProviders<TranslocoTestingModule> {
  registerLocaleData(localeDe, 'de');
  return TranslocoTestingModule.forRoot({
    langs: { de: { retention: RETENTION_DE }, 'retention/de': RETENTION_DE },
    translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
    preloadLangs: true,
  });
}
