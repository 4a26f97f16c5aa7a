import { previousYear, quartersOfRange } from './release-period';

describe('release periods', () => {
  it('shifts a period by one year (29 February → 28 February)', () => {
    expect(previousYear({ template: 'annualCouncil', from: '2025-04-01', to: '2025-06-30' })).toEqual({
      template: 'annualCouncil',
      from: '2024-04-01',
      to: '2024-06-30',
    });
    expect(previousYear({ template: 'annualCouncil', from: '2024-01-01', to: '2024-02-29' }).to).toBe('2023-02-28');
  });

  it('lists the quarter cohorts of a cohort range (a year spans four quarters)', () => {
    expect(quartersOfRange('2024-01-01', '2024-01-01', 'quarter')).toEqual(['2024-Q1']);
    expect(quartersOfRange('2024-10-01', '2025-04-01', 'quarter')).toEqual(['2024-Q4', '2025-Q1', '2025-Q2']);
    expect(quartersOfRange('2023-01-01', '2024-01-01', 'year')).toEqual([
      '2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4',
    ]);
  });
});
