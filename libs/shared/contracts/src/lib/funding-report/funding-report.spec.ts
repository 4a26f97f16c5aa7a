import { fundingPeriodLabel, fundingReportFileName } from './funding-report';

describe('funding report file names', () => {
  it('names quarters, years and free periods in ASCII', () => {
    expect(fundingReportFileName('2025-01-01', '2025-03-31', 'xlsx')).toBe('verwendungsnachweis-2025-Q1.xlsx');
    expect(fundingReportFileName('2024-10-01', '2024-12-31', 'pdf')).toBe('verwendungsnachweis-2024-Q4.pdf');
    expect(fundingPeriodLabel('2025-01-01', '2025-12-31')).toBe('2025');
    expect(fundingPeriodLabel('2025-01-01', '2025-03-30')).toBe('2025-01-01-bis-2025-03-30');
    expect(fundingPeriodLabel('2025-02-01', '2025-04-30')).toBe('2025-02-01-bis-2025-04-30');
    expect(fundingPeriodLabel('2024-04-01', '2024-06-30')).toBe('2024-Q2');
  });
});
