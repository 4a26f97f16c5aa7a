import { DEFAULT_OPTIONS, DEFAULT_RATES, resolveOptions } from './options';

describe('resolveOptions', () => {
  it('returns the defaults for no input', () => {
    expect(resolveOptions()).toEqual(DEFAULT_OPTIONS);
    expect(resolveOptions().referenceDate).toBe('2026-11-01');
  });

  it('merges partial rates and averages into the defaults', () => {
    const options = resolveOptions({ clients: 10, rates: { b1Within36Months: 0.6 }, averages: { goalsPerClient: 4 } });
    expect(options.clients).toBe(10);
    expect(options.rates).toEqual({ ...DEFAULT_RATES, b1Within36Months: 0.6 });
    expect(options.averages.goalsPerClient).toBe(4);
    expect(options.averages.conversationsPerClient).toBe(DEFAULT_OPTIONS.averages.conversationsPerClient);
  });

  it('is idempotent', () => {
    const once = resolveOptions({ seed: 5, municipalities: 3 });
    expect(resolveOptions(once)).toEqual(once);
  });

  it.each([
    [{ seed: 1.5 }, 'seed'],
    [{ referenceDate: '01.11.2026' }, 'ISO date'],
    [{ clients: -1 }, 'clients'],
    [{ municipalities: 0 }, 'municipalities'],
    [{ managers: 3 }, 'managers'],
    [{ rates: { b1Within36Months: 1.2 } }, 'rates.b1Within36Months'],
    [{ rates: { apprenticeshipWithin36Months: 0.7, studiesWithin36Months: 0.5 } }, 'must not exceed 1'],
    [{ averages: { goalsPerClient: 9 } }, 'averages.goalsPerClient'],
  ])('rejects %p naming the option', (input, name) => {
    expect(() => resolveOptions(input)).toThrow(name);
  });
});
