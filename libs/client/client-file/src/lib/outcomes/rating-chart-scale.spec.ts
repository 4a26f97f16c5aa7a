import { SoftRatingResponse } from '@wegweiser/shared/contracts';
import { ChartFrame, ratingChart } from './rating-chart-scale';

const frame: ChartFrame = { width: 500, height: 240, margin: { top: 20, right: 20, bottom: 20, left: 80 } };
// plot: x 80..480, y 20 (5) ..220 (1)

function rating(ratedOn: string, health: number, socialEnvironment: number, employmentQuality: number | null): SoftRatingResponse {
  return { id: ratedOn, clientId: 'c-1', ratedOn, health, socialEnvironment, employmentQuality, ratedBy: null, createdAt: `${ratedOn}T12:00:00Z` };
}

describe('ratingChart', () => {
  it('puts the oldest rating left, the newest right and the days between in proportion', () => {
    const chart = ratingChart([rating('2026-01-11', 2, 3, 4), rating('2026-01-01', 1, 5, 3), rating('2026-01-21', 5, 1, 2)], frame);

    const health = chart.series.find((s) => s.key === 'health');
    expect(health?.points.map((p) => [p.ratedOn, p.x])).toEqual([
      ['2026-01-01', 80],
      ['2026-01-11', 280],
      ['2026-01-21', 480],
    ]);
    expect(chart.xTicks).toEqual([
      { ratedOn: '2026-01-01', x: 80 },
      { ratedOn: '2026-01-21', x: 480 },
    ]);
  });

  it('maps 1 to the bottom and 5 to the top of the plot', () => {
    const chart = ratingChart([rating('2026-01-01', 1, 5, 3)], frame);

    const y = (key: string) => chart.series.find((s) => s.key === key)?.points[0]?.y;
    expect(y('health')).toBe(220);
    expect(y('socialEnvironment')).toBe(20);
    expect(y('employmentQuality')).toBe(120);
    expect(chart.yTicks.map((t) => [t.value, t.y])).toEqual([
      [1, 220],
      [2, 170],
      [3, 120],
      [4, 70],
      [5, 20],
    ]);
  });

  it('centres ratings of a single day and draws a path through each series', () => {
    const chart = ratingChart([rating('2026-02-01', 3, 3, null)], frame);

    expect(chart.series[0]?.points[0]?.x).toBe(280);
    expect(chart.series[0]?.path).toBe('M280 120');
    expect(chart.xTicks).toEqual([{ ratedOn: '2026-02-01', x: 280 }]);
  });

  it('leaves out missing employment quality and breaks the line there', () => {
    const chart = ratingChart(
      [rating('2026-01-01', 3, 3, 2), rating('2026-01-11', 3, 3, 3), rating('2026-01-21', 3, 3, null), rating('2026-01-31', 3, 3, 5)],
      frame,
    );

    const employment = chart.series.find((s) => s.key === 'employmentQuality');
    expect(employment?.points.map((p) => p.value)).toEqual([2, 3, 5]);
    expect(employment?.path).toBe('M80 170 L213.3 120 M480 20');
    expect(chart.series.find((s) => s.key === 'health')?.path).toBe('M80 120 L213.3 120 L346.7 120 L480 120');
  });

  it('has nothing to draw without ratings', () => {
    const chart = ratingChart([], frame);

    expect(chart.series.every((s) => s.points.length === 0 && s.path === '')).toBe(true);
    expect(chart.xTicks).toEqual([]);
  });
});
