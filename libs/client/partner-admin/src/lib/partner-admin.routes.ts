import { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { PartnerFormPage } from './partner-form/partner-form-page';
import { PartnerImportPage } from './partner-import/partner-import-page';
import { PartnerListPage } from './partner-list/partner-list-page';

/** `/verwaltung/netzwerkpartner`: the partner directory, a partner's form, the import (texts: `public/i18n/partner-admin/<lang>.json`). */
export const PARTNER_ADMIN_ROUTES: Route[] = [
  {
    path: '',
    providers: [provideTranslocoScope('partner-admin')],
    children: [
      { path: '', component: PartnerListPage },
      { path: 'neu', component: PartnerFormPage },
      { path: 'import', component: PartnerImportPage },
      { path: ':id', component: PartnerFormPage },
    ],
  },
];
