import { periodError, previousQuarter, quarterPeriod, yearPeriod } from './period';

describe('funding report periods', () => {
  it('builds quarters and years with their last days', () => {
    expect(quarterPeriod(2025, 1)).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(quarterPeriod(2024, 2)).toEqual({ from: '2024-04-01', to: '2024-06-30' });
    expect(quarterPeriod(2025, 4)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(yearPeriod(2025)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('proposes the last complete quarter', () => {
    expect(previousQuarter(new Date(2026, 0, 15))).toEqual({ year: 2025, quarter: 4 });
    expect(previousQuarter(new Date(2026, 7, 1))).toEqual({ year: 2026, quarter: 2 });
  });

  it('refuses what the API refuses', () => {
    expect(periodError({ from: '2025-01-01', to: '2025-03-31' })).toBeNull();
    expect(periodError({ from: '2025-02-30', to: '2025-03-31' })).toBe('invalid');
    expect(periodError({ from: '2025-03-31', to: '2025-01-01' })).toBe('beforeFrom');
    expect(periodError({ from: '2020-01-01', to: '2025-12-31' })).toBe('tooLong');
    expect(periodError({ from: '2023-01-01', to: '2025-12-31' })).toBeNull();
  });
});
