import { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { EvaluationPage } from './evaluation-page/evaluation-page';

/** `/auswertung`: anonymised evaluation reports (texts: `public/i18n/evaluation/<lang>.json`). */
export const EVALUATION_ROUTES: Route[] = [
  {
    path: '',
    component: EvaluationPage,
    providers: [provideTranslocoScope('evaluation')],
  },
];
