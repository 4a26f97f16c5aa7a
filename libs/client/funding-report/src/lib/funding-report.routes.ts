import { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { FundingReportPage } from './funding-report-page/funding-report-page';

/** `/verwendungsnachweis`: the funder's figures per manager (texts: `public/i18n/funding-report/<lang>.json`). */
export const FUNDING_REPORT_ROUTES: Route[] = [
  {
    path: '',
    component: FundingReportPage,
    providers: [provideTranslocoScope({ scope: 'funding-report', alias: 'fundingReport' })],
  },
];
