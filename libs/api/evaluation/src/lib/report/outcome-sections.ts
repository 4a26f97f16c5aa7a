import type { EvaluationMetrics } from '../metrics/evaluation-metrics.types';
import { caseloadTable, type PlannedCaseloadTable } from './caseload-table';
import { plansTable, statusTables, type CohortInput, type PlannedStatusTable } from './status-tables';
import { timeToEventTable, type PlannedTimeToEventTable } from './time-to-event';

/** The issue-19 sections, one hook each in `planReport` (they plan only; suppression happens in report-tables). */

export interface PlannedOutcomeSection<T> {
  readonly id: string;
  readonly title: string;
  readonly tables: readonly T[];
}

/** "Dauer bis zum Ergebnis": Kaplan–Meier medians and numbers at risk for B1 and employment. */
export function timeToEventSection(input: CohortInput): PlannedOutcomeSection<PlannedTimeToEventTable> {
  return {
    id: 'timeToEvent',
    title: 'Dauer bis zum Ergebnis',
    tables: [timeToEventTable('b1', input), timeToEventTable('employment', input)],
  };
}

/** "Stand nach 12, 24 und 36 Monaten": employment status and apprenticeship/studies status. */
export function statusSection(input: CohortInput): PlannedOutcomeSection<PlannedStatusTable> {
  return { id: 'status', title: 'Stand nach 12, 24 und 36 Monaten', tables: statusTables(input) };
}

/** "Integrationspläne und Betreuungsschlüssel": plans agreed (within 3 months / later / none) and the caseload. */
export function plansSection(
  input: CohortInput,
  metrics: Pick<EvaluationMetrics, 'caseload' | 'observedUntil'>,
): PlannedOutcomeSection<PlannedStatusTable | PlannedCaseloadTable> {
  return {
    id: 'plans',
    title: 'Integrationspläne und Betreuungsschlüssel',
    tables: [plansTable(input), caseloadTable(metrics)],
  };
}
