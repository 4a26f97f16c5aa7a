import { describeSystemAuditEvents } from './system-events';

describe('describeSystemAuditEvents', () => {
  it('prints the counts, then one line per event', () => {
    const text = describeSystemAuditEvents(
      {
        events: [
          { id: '7', occurredAt: '2026-12-06T10:00:00.000Z', action: 'login_failed', outcome: 'failure', entityType: null, requestId: 'r-1' },
          { id: '5', occurredAt: '2026-12-06T09:00:00.000Z', action: 'denied', outcome: 'denied', entityType: 'route', requestId: null },
        ],
        counts: { 'denied/denied': 1, 'login_failed/failure': 2 },
      },
      '2026-12-01T00:00:00Z',
    );
    expect(text.split('\n')).toEqual([
      'Events without a municipality since 2026-12-01T00:00:00Z: denied/denied 1, login_failed/failure 2',
      '2026-12-06T10:00:00.000Z  login_failed  failure  request r-1',
      '2026-12-06T09:00:00.000Z  denied  denied  route',
    ]);
  });

  it('says so when there is nothing', () => {
    expect(describeSystemAuditEvents({ events: [], counts: {} }, '2026-12-01T00:00:00Z')).toBe('No events without a municipality since 2026-12-01T00:00:00Z.');
  });
});
