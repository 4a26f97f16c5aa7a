import { averageCaseload, caseloadResponse, caseloadTable, formatDecimal } from './caseload-table';
import { InvalidReportMetricsError } from './report-cohorts';

const plan = (openCases: number, managers: number) =>
  caseloadTable({ observedUntil: '2026-12-07', caseload: { openCases, managers } });

describe('caseload table', () => {
  it('prints open cases and the average per manager with one decimal', () => {
    const response = caseloadResponse(plan(125, 4), 5);
    expect(response.rows).toEqual([{ label: '07.12.2026', values: [125, 31.3], text: ['125', '31,3'] }]);
    expect(response.id).toBe('caseload.average');
  });

  it('rounds half up in integer arithmetic', () => {
    expect(averageCaseload(1, 8)).toBe(0.1); // 0.125 → 0.1
    expect(averageCaseload(3, 8)).toBe(0.4); // 0.375 → 0.4
    expect(averageCaseload(10, 4)).toBe(2.5);
    expect(formatDecimal(1234.5)).toBe('1.234,5');
    expect(formatDecimal(null)).toBe('·');
  });

  it('hides the average with fewer than 3 managers (staff data) or fewer than k open cases', () => {
    expect(caseloadResponse(plan(60, 2), 5).rows[0].text).toEqual(['60', '·']);
    expect(caseloadResponse(plan(60, 3), 5).rows[0].text).toEqual(['60', '20,0']);
    expect(caseloadResponse(plan(4, 3), 5).rows[0].values).toEqual([null, null]);
  });

  it('refuses open cases without managers', () => {
    expect(() => plan(3, 0)).toThrow(InvalidReportMetricsError);
    expect(caseloadResponse(plan(0, 0), 5).rows[0].values).toEqual([null, null]);
  });
});
