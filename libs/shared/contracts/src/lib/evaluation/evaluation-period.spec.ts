import { evaluationPeriod, isGridPeriodEnd, isGridPeriodStart, lastCompleteQuarter, toEvaluationGridPeriod } from './evaluation-period';

describe('evaluation period grid', () => {
  it('gives the first and last day of each quarter and of a year', () => {
    expect(evaluationPeriod('quarter', 2024, 1)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(evaluationPeriod('quarter', 2024, 2)).toEqual({ from: '2024-04-01', to: '2024-06-30' });
    expect(evaluationPeriod('quarter', 2024, 3)).toEqual({ from: '2024-07-01', to: '2024-09-30' });
    expect(evaluationPeriod('quarter', 2024, 4)).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(evaluationPeriod('year', 2025)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('refuses a quarter outside 1..4 and a bad year', () => {
    expect(() => evaluationPeriod('quarter', 2024, 5 as never)).toThrow(RangeError);
    expect(() => evaluationPeriod('quarter', 2024)).toThrow(RangeError);
    expect(() => evaluationPeriod('year', 2024.5)).toThrow(RangeError);
  });

  it('recognises exactly the periods on the grid', () => {
    expect(toEvaluationGridPeriod('2024-01-01', '2024-12-31')).toEqual({ kind: 'year', year: 2024 });
    expect(toEvaluationGridPeriod('2024-01-01', '2024-03-31')).toEqual({ kind: 'quarter', year: 2024, quarter: 1 });
    expect(toEvaluationGridPeriod('2024-10-01', '2024-12-31')).toEqual({ kind: 'quarter', year: 2024, quarter: 4 });
    for (const [from, to] of [
      ['2024-01-01', '2024-06-30'], // half a year
      ['2024-01-02', '2024-03-31'],
      ['2024-01-01', '2024-03-30'],
      ['2024-02-01', '2024-04-30'],
      ['2024-10-01', '2025-12-31'],
      ['2023-01-01', '2024-12-31'], // two years
      ['2024-04-01', '2024-03-31'],
    ]) {
      expect(toEvaluationGridPeriod(from, to)).toBeNull();
    }
  });

  it('knows the starts and ends of quarters', () => {
    expect(isGridPeriodStart('2024-07-01')).toBe(true);
    expect(isGridPeriodStart('2024-07-02')).toBe(false);
    expect(isGridPeriodEnd('2024-09-30')).toBe(true);
    expect(isGridPeriodEnd('2024-09-29')).toBe(false);
  });

  it('defaults to the last complete quarter', () => {
    expect(lastCompleteQuarter('2026-12-07')).toEqual({ year: 2026, quarter: 3 });
    expect(lastCompleteQuarter('2026-02-01')).toEqual({ year: 2025, quarter: 4 });
    expect(lastCompleteQuarter('2026-04-01')).toEqual({ year: 2026, quarter: 1 });
  });
});
