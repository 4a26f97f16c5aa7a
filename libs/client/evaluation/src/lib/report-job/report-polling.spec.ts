import { EvaluationReportJobResponse } from '@wegweiser/shared/contracts';
import { Observable, of, throwError } from 'rxjs';
import { doneJob, sampleJob } from '../testing';
import { REPORT_POLL_MS, pollReport } from './report-polling';

describe('pollReport', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function answers(...jobs: (EvaluationReportJobResponse | Error)[]) {
    const asked: string[] = [];
    const fetch = (id: string): Observable<EvaluationReportJobResponse> => {
      asked.push(id);
      const next = jobs.shift();
      if (!next) throw new Error('asked once too often');
      return next instanceof Error ? throwError(() => next) : of(next);
    };
    return { asked, fetch };
  }

  it('shows the started job, asks every interval, and stops once it is done', () => {
    const { asked, fetch } = answers(sampleJob({ state: 'running', progress: 40 }), doneJob());
    const seen: string[] = [];
    let completed = false;
    pollReport(sampleJob(), fetch).subscribe({ next: (job) => seen.push(`${job.state} ${job.progress}`), complete: () => (completed = true) });

    expect(seen).toEqual(['queued 0']);
    jest.advanceTimersByTime(REPORT_POLL_MS - 1);
    expect(asked).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(seen).toEqual(['queued 0', 'running 40']);
    jest.advanceTimersByTime(REPORT_POLL_MS);
    expect(seen).toEqual(['queued 0', 'running 40', 'done 100']);
    expect(completed).toBe(true);
    jest.advanceTimersByTime(REPORT_POLL_MS * 5);
    expect(asked).toEqual(['r-1', 'r-1']);
  });

  it('does not ask for a job that is already settled', () => {
    const { asked, fetch } = answers();
    const seen: string[] = [];
    pollReport(sampleJob({ state: 'failed' }), fetch).subscribe((job) => seen.push(job.state));
    jest.advanceTimersByTime(REPORT_POLL_MS * 3);
    expect([seen, asked]).toEqual([['failed'], []]);
  });

  it('stops asking when unsubscribed (the page was left)', () => {
    const { asked, fetch } = answers(sampleJob({ state: 'running', progress: 10 }));
    const subscription = pollReport(sampleJob(), fetch).subscribe();
    jest.advanceTimersByTime(REPORT_POLL_MS);
    subscription.unsubscribe();
    jest.advanceTimersByTime(REPORT_POLL_MS * 5);
    expect(asked).toEqual(['r-1']);
  });

  it('tries a failed poll again, then gives up with the error', () => {
    const { asked, fetch } = answers(new Error('a'), new Error('b'), new Error('c'));
    let failed: unknown = null;
    pollReport(sampleJob(), fetch).subscribe({ error: (error: unknown) => (failed = error) });
    jest.advanceTimersByTime(REPORT_POLL_MS * 3);
    expect(asked).toHaveLength(3);
    expect(failed).toEqual(new Error('c'));
  });
});
