import { extensionUntilProblem, SUPPORT_TRANSITIONS, supportColumnsAfter, transitionDateProblem } from './support-rules';

describe('support period rules', () => {
  it('allows only the documented transitions', () => {
    expect(SUPPORT_TRANSITIONS.pause.from).toEqual(['active']);
    expect(SUPPORT_TRANSITIONS.resume.from).toEqual(['paused']);
    expect(SUPPORT_TRANSITIONS.close.from).toEqual(['active', 'paused']);
    expect(SUPPORT_TRANSITIONS.reopen.from).toEqual(['closed']);
  });

  it('sets and clears the dates of each state', () => {
    expect(supportColumnsAfter('pause', '2026-05-01', null)).toEqual({ supportState: 'paused', pausedOn: '2026-05-01' });
    expect(supportColumnsAfter('resume', '2026-06-01', null)).toEqual({ supportState: 'active', pausedOn: null });
    expect(supportColumnsAfter('close', '2026-07-01', 'moved_away')).toEqual({ supportState: 'closed', closedOn: '2026-07-01', closureReason: 'moved_away', pausedOn: null });
    expect(supportColumnsAfter('reopen', '2026-08-01', null)).toEqual({ supportState: 'active', closedOn: null, closureReason: null });
  });

  it('takes effect between the last change and today', () => {
    expect(transitionDateProblem('2026-05-01', '2026-04-01', '2026-11-21')).toBeNull();
    expect(transitionDateProblem('2026-04-01', '2026-04-01', '2026-11-21')).toBeNull();
    expect(transitionDateProblem('2026-11-22', '2026-04-01', '2026-11-21')).toBe('notInFuture');
    expect(transitionDateProblem('2026-03-31', '2026-04-01', '2026-11-21')).toBe('beforeLastChange');
  });

  it('extends beyond the current end up to four years after the start', () => {
    expect(extensionUntilProblem('2024-02-29', '2027-02-28', '2028-02-29')).toBeNull();
    expect(extensionUntilProblem('2024-02-29', '2027-02-28', '2028-03-01')).toBe('beyondMaximumWindow');
    expect(extensionUntilProblem('2024-02-29', '2027-02-28', '2027-02-28')).toBe('notAfterWindowEnd');
  });
});
