import { SupportExtensionResponse, SupportResponse } from '@wegweiser/shared/contracts';
import { dayAfter, lastChange, pendingExtension, supportActions } from './support-rules';

const support = (overrides: Partial<SupportResponse> = {}): SupportResponse => ({
  clientId: 'c-1',
  state: 'active',
  start: '2026-01-15',
  windowEnd: '2029-01-14',
  regularWindowEnd: '2029-01-14',
  maximumWindowEnd: '2030-01-14',
  pausedOn: null,
  closedOn: null,
  closureReason: null,
  history: [],
  extensions: [],
  version: 1,
  ...overrides,
});

const pending = { id: 'e-1', state: 'pending', requestedUntil: '2030-01-14' } as SupportExtensionResponse;

describe('supportActions', () => {
  it('offers pause, close and an extension while active', () => {
    expect(supportActions(support(), '2026-03-01')).toEqual(['pause', 'close', 'extend']);
  });

  it('offers resume instead of pause while paused', () => {
    expect(supportActions(support({ state: 'paused' }), '2026-03-01')).toEqual(['resume', 'close', 'extend']);
  });

  it('offers no second extension while one is pending, and none beyond 48 months', () => {
    expect(supportActions(support({ extensions: [pending] }), '2026-03-01')).toEqual(['pause', 'close']);
    expect(supportActions(support({ windowEnd: '2030-01-14' }), '2026-03-01')).toEqual(['pause', 'close']);
  });

  it('offers reopening a closed case only within the window', () => {
    expect(supportActions(support({ state: 'closed' }), '2029-01-14')).toEqual(['reopen']);
    expect(supportActions(support({ state: 'closed' }), '2029-01-15')).toEqual([]);
  });
});

describe('support helpers', () => {
  it('finds the pending extension', () => {
    expect(pendingExtension(support({ extensions: [{ ...pending, state: 'rejected' }, pending] }))).toBe(pending);
    expect(pendingExtension(support())).toBeNull();
  });

  it('knows the last change of state', () => {
    expect(lastChange(support())).toBe('2026-01-15');
    const history = [{ on: '2026-02-01' }, { on: '2026-01-20' }] as SupportResponse['history'];
    expect(lastChange(support({ history }))).toBe('2026-02-01');
  });

  it('counts to the next day across months', () => {
    expect(dayAfter('2029-01-31')).toBe('2029-02-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
  });
});
