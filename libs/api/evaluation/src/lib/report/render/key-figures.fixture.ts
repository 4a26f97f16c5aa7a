import type {
  EvaluationKeyFigureResponse,
  EvaluationReportResponse,
} from '@wegweiser/shared/contracts';
import { sampleReport } from '../testing/report-fixture';

/**
 * Test data for the render specs (not exported from the library): key figures as the report builder fills them —
 * the renderers print them, they do not compute them.
 */
export const KEY_FIGURES: EvaluationKeyFigureResponse[] = [
  {
    id: 'cohortSize',
    label: 'Personen in den Kohorten',
    value: 158,
    text: '158',
    previous: 131,
    previousText: '131',
  },
  {
    id: 'b1Within24',
    label: 'Deutsch B1 innerhalb von 24 Monaten',
    value: 43.7,
    text: '43,7\u00a0%',
    previous: 38.2,
    previousText: '38,2\u00a0%',
  },
  {
    id: 'employedAt24',
    label: 'Beschäftigt im Monat 24',
    value: null,
    text: 'noch nicht beobachtbar',
    previous: 29.8,
    previousText: '29,8\u00a0%',
  },
  {
    id: 'apprenticeships',
    label: 'Ausbildungen begonnen',
    value: 12,
    text: '12',
    previous: null,
    previousText: '·',
  },
  {
    id: 'plansAgreed',
    label: 'Integrationspläne vereinbart',
    value: 97,
    text: '97',
    previous: 88,
    previousText: '88',
  },
  {
    id: 'averageCaseload',
    label: 'Fälle je Integrationsmanager/in (Durchschnitt)',
    value: 41.5,
    text: '41,5',
    previous: 39,
    previousText: '39,0',
  },
];

/** The sample report with key figures and a previous year (2023-Q1 to 2023-Q4). */
export function councilReport(): EvaluationReportResponse {
  return {
    ...sampleReport(),
    keyFigures: KEY_FIGURES,
    previousPeriod: { firstCohort: '2023-Q1', lastCohort: '2023-Q4' },
  };
}
