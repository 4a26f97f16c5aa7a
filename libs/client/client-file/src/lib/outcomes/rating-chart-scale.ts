import { SOFT_RATING_SCALE, SoftRatingResponse } from '@wegweiser/shared/contracts';

/** The three soft factors, in the order of the table, the legend and the chart. */
export const RATING_SERIES = ['health', 'socialEnvironment', 'employmentQuality'] as const;
export type RatingSeriesKey = (typeof RATING_SERIES)[number];

/** The drawing area: the SVG's view box and the room left for the axis labels. */
export interface ChartFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface ChartPoint {
  x: number;
  y: number;
  value: number;
  ratedOn: string;
}

export interface ChartSeries {
  key: RatingSeriesKey;
  points: ChartPoint[];
  /** SVG path data; a rating without a value (not employed) breaks the line. */
  path: string;
}

export interface RatingChartModel {
  series: ChartSeries[];
  yTicks: { value: number; y: number }[];
  /** The first and the last day rated (one tick if they are the same). */
  xTicks: { ratedOn: string; x: number }[];
  plot: { left: number; right: number; top: number; bottom: number };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const round = (value: number) => Math.round(value * 10) / 10;
const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;

/**
 * Positions of the soft ratings in a chart: x by date (linear in days, oldest
 * left; a single day in the middle), y from 1 (bottom) to 5 (top).
 */
export function ratingChart(ratings: readonly SoftRatingResponse[], frame: ChartFrame): RatingChartModel {
  const plot = {
    left: frame.margin.left,
    right: frame.width - frame.margin.right,
    top: frame.margin.top,
    bottom: frame.height - frame.margin.bottom,
  };
  const sorted = [...ratings].sort((a, b) => a.ratedOn.localeCompare(b.ratedOn));
  const first = sorted.at(0)?.ratedOn;
  const last = sorted.at(-1)?.ratedOn;
  const span = first && last ? dayNumber(last) - dayNumber(first) : 0;
  const x = (ratedOn: string) =>
    round(span === 0 || !first ? (plot.left + plot.right) / 2 : plot.left + ((dayNumber(ratedOn) - dayNumber(first)) / span) * (plot.right - plot.left));
  const { min, max } = SOFT_RATING_SCALE;
  const y = (value: number) => round(plot.bottom - ((value - min) / (max - min)) * (plot.bottom - plot.top));

  const series = RATING_SERIES.map((key): ChartSeries => {
    const points: ChartPoint[] = [];
    let path = '';
    let drawing = false;
    for (const rating of sorted) {
      const value = rating[key];
      if (value === null) {
        drawing = false;
        continue;
      }
      const point = { x: x(rating.ratedOn), y: y(value), value, ratedOn: rating.ratedOn };
      points.push(point);
      path += `${path ? ' ' : ''}${drawing ? 'L' : 'M'}${point.x} ${point.y}`;
      drawing = true;
    }
    return { key, points, path };
  });

  const yTicks = Array.from({ length: max - min + 1 }, (_, i) => ({ value: min + i, y: y(min + i) }));
  const xTicks = first && last ? [...new Set([first, last])].map((ratedOn) => ({ ratedOn, x: x(ratedOn) })) : [];
  return { series, yTicks, xTicks, plot };
}
