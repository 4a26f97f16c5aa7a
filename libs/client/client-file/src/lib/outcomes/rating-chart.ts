import { formatDate } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { activeLocale } from '@wegweiser/client/ui';
import { SoftRatingResponse } from '@wegweiser/shared/contracts';
import { ChartFrame, RATING_SERIES, RatingSeriesKey, ratingChart } from './rating-chart-scale';

/** The view box: room left for the values 1-5 and below for the dates. */
const FRAME: ChartFrame = { width: 560, height: 220, margin: { top: 16, right: 24, bottom: 36, left: 36 } };

/**
 * How each series looks: colour (>= 3:1 on the surface), dash and marker shape,
 * so no series depends on colour alone; `dodge` shifts it a few units sideways
 * so equal values of one day stay visible side by side.
 */
export const SERIES_STYLE: Readonly<Record<RatingSeriesKey, { colour: string; dash: string | null; marker: 'circle' | 'square' | 'triangle'; dodge: number }>> = {
  health: { colour: '#1f5fa8', dash: null, marker: 'circle', dodge: -4 },
  socialEnvironment: { colour: '#a14a00', dash: '8 4', marker: 'square', dodge: 0 },
  employmentQuality: { colour: '#6a2c8f', dash: '2 4', marker: 'triangle', dodge: 4 },
};

/** Points of an upward triangle around (x, y). */
export function trianglePoints(x: number, y: number, size = 5.5): string {
  return `${x},${y - size} ${x + size},${y + size * 0.8} ${x - size},${y + size * 0.8}`;
}

/**
 * The soft ratings over time as an inline SVG (no chart library): three
 * series on a scale of 1-5, x by date. One image for assistive technology,
 * named by a summary of the latest values; the table beside it has every value.
 */
@Component({
  selector: 'ww-rating-chart',
  imports: [TranslocoDirective],
  templateUrl: './rating-chart.html',
  styleUrl: './rating-chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RatingChart {
  readonly ratings = input.required<readonly SoftRatingResponse[]>();

  private readonly locale = activeLocale(inject(TranslocoService));

  protected readonly frame = FRAME;
  protected readonly style = SERIES_STYLE;
  protected readonly keys = RATING_SERIES;
  protected readonly triangle = trianglePoints;
  protected readonly chart = computed(() => ratingChart(this.ratings(), FRAME));
  protected readonly sorted = computed(() => [...this.ratings()].sort((a, b) => a.ratedOn.localeCompare(b.ratedOn)));

  protected date(isoDate: string): string {
    return formatDate(isoDate, 'mediumDate', this.locale());
  }

  /** Parameters of the image's name: how many ratings over which period, and the latest values. */
  protected readonly summary = computed(() => {
    const sorted = this.sorted();
    const first = sorted.at(0);
    const latest = sorted.at(-1);
    if (!first || !latest) return null;
    return {
      count: sorted.length,
      first: this.date(first.ratedOn),
      last: this.date(latest.ratedOn),
      date: this.date(latest.ratedOn),
      health: latest.health,
      social: latest.socialEnvironment,
      employment: latest.employmentQuality,
    };
  });
}
