import { EvaluationReportJobResponse } from '@wegweiser/shared/contracts';
import { Observable, concat, defer, of, repeat, retry, switchMap, takeWhile, timer } from 'rxjs';
import { isSettled } from '../report-request';

/** How often a running report's state is asked for. */
export const REPORT_POLL_MS = 1000;
/** Failed polls in a row before giving up. */
export const REPORT_POLL_RETRIES = 2;

/**
 * The states of a report job: the one given, then (unless it is settled) a
 * fresh one `intervalMs` after each answer, until done or failed. Unsubscribing
 * (e.g. leaving the page) stops the polling.
 */
export function pollReport(
  job: EvaluationReportJobResponse,
  fetch: (id: string) => Observable<EvaluationReportJobResponse>,
  intervalMs = REPORT_POLL_MS,
): Observable<EvaluationReportJobResponse> {
  if (isSettled(job)) return of(job);
  const next = timer(intervalMs).pipe(
    switchMap(() => defer(() => fetch(job.id)).pipe(retry({ count: REPORT_POLL_RETRIES, delay: intervalMs }))),
    repeat(),
    takeWhile((current) => !isSettled(current), true),
  );
  return concat(of(job), next);
}
