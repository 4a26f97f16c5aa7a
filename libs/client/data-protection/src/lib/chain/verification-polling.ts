import { AuditVerificationResponse } from '@wegweiser/shared/contracts';
import { Observable, concat, defer, of, repeat, retry, switchMap, takeWhile, timer } from 'rxjs';

export const VERIFICATION_POLL_MS = 1000;

export function isFinished(run: AuditVerificationResponse): boolean {
  return run.state === 'done' || run.state === 'failed';
}

/** The states of a verification: the one given, then a fresh one every `intervalMs` until it is finished. */
export function pollVerification(
  run: AuditVerificationResponse,
  fetch: (id: string) => Observable<AuditVerificationResponse>,
  intervalMs = VERIFICATION_POLL_MS,
): Observable<AuditVerificationResponse> {
  if (isFinished(run)) return of(run);
  const next = timer(intervalMs).pipe(
    switchMap(() => defer(() => fetch(run.id)).pipe(retry({ count: 2, delay: intervalMs }))),
    repeat(),
    takeWhile((current) => !isFinished(current), true),
  );
  return concat(of(run), next);
}
