import { AuditVerificationResponse } from '@wegweiser/shared/contracts';
import { of } from 'rxjs';
import { pollVerification } from './verification-polling';

const run = (state: AuditVerificationResponse['state'], progress: number): AuditVerificationResponse => ({
  id: 'v1',
  state,
  progress,
  requestedAt: '2026-12-06T17:00:00.000Z',
  requestedBy: 'Tobias Schmitt',
  finishedAt: state === 'done' ? '2026-12-06T17:00:02.000Z' : null,
  checked: state === 'done' ? 12 : null,
  intact: state === 'done' ? true : null,
  brokenEventId: null,
  brokenReason: null,
});

describe('pollVerification', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('emits the queued run, then each polled state until it is done, and stops', () => {
    const answers = [run('running', 10), run('done', 100)];
    const fetched: string[] = [];
    const seen: string[] = [];
    pollVerification(run('queued', 0), (id) => {
      fetched.push(id);
      return of(answers.shift() ?? run('done', 100));
    }, 100).subscribe((state) => seen.push(`${state.state} ${state.progress}`));
    jest.advanceTimersByTime(1000);
    expect(seen).toEqual(['queued 0', 'running 10', 'done 100']);
    expect(fetched).toEqual(['v1', 'v1']);
  });

  it('does not poll a finished run', () => {
    const fetch = jest.fn();
    const seen: string[] = [];
    pollVerification(run('done', 100), fetch, 100).subscribe((state) => seen.push(state.state));
    jest.advanceTimersByTime(500);
    expect(seen).toEqual(['done']);
    expect(fetch).not.toHaveBeenCalled();
  });
});
