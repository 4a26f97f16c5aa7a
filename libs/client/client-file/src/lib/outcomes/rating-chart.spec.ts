import { registerLocaleData } from '@angular/common';
import localeDe from '@angular/common/locales/de';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { SoftRatingResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testRating } from './outcome-testing';
import { RatingChart } from './rating-chart';
import { provideIcuPlurals } from '@wegweiser/client/ui';

const de = JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n/client-file/de.json'), 'utf8'));

function render(ratings: SoftRatingResponse[]) {
  registerLocaleData(localeDe, 'de');
  TestBed.configureTestingModule({
    imports: [
      RatingChart,
      TranslocoTestingModule.forRoot({ langs: { de: { clientFile: de } }, translocoConfig: { availableLangs: ['de'], defaultLang: 'de' }, preloadLangs: true }),
    ],
    providers: [provideIcuPlurals()],
  });
  const fixture = TestBed.createComponent(RatingChart);
  fixture.componentRef.setInput('ratings', ratings);
  fixture.detectChanges();
  const page = fixture.nativeElement as HTMLElement;
  return { page, image: page.querySelector('svg[role="img"]') };
}

describe('RatingChart', () => {
  it('is one image named by the period and the latest values', () => {
    const { image } = render([testRating('2026-03-01', 4, 3, null), testRating('2025-09-01', 2, 2, 3), testRating('2025-12-01', 3, 2, 4)]);

    expect(image?.getAttribute('aria-label')).toBe(
      'Verlauf der Einschätzungen: 3 Einschätzungen vom 01.09.2025 bis 01.03.2026. Zuletzt am 01.03.2026: Gesundheit 4, Soziales Umfeld 3, Qualität der Beschäftigung nicht beschäftigt.',
    );
  });

  it('draws a marker per value, each series with its own shape and line style, and a legend', () => {
    const { image, page } = render([testRating('2025-09-01', 2, 2, 3), testRating('2025-12-01', 3, 2, null), testRating('2026-03-01', 4, 3, 4)]);
    const series = (key: string) => image?.querySelector(`[data-series="${key}"]`);

    expect(series('health')?.querySelectorAll('circle')).toHaveLength(3);
    expect(series('socialEnvironment')?.querySelectorAll('rect')).toHaveLength(3);
    expect(series('employmentQuality')?.querySelectorAll('polygon')).toHaveLength(2);
    const dashes = ['health', 'socialEnvironment', 'employmentQuality'].map((key) => series(key)?.querySelector('path')?.getAttribute('stroke-dasharray') ?? 'solid');
    expect(new Set(dashes).size).toBe(3);
    expect(Array.from(page.querySelectorAll('.chart__legend li')).map((li) => li.textContent?.trim())).toEqual([
      'Gesundheit',
      'Soziales Umfeld',
      'Qualität der Beschäftigung',
    ]);
    expect(Array.from(image?.querySelectorAll('text') ?? []).map((t) => t.textContent?.trim())).toEqual(['1', '2', '3', '4', '5', '01.09.2025', '01.03.2026']);
  });

  it('says "1 Einschätzung" for a single rating', () => {
    const { image } = render([testRating('2026-03-01', 5, 4, 3)]);

    expect(image?.getAttribute('aria-label')).toBe(
      'Verlauf der Einschätzungen: 1 Einschätzung am 01.03.2026: Gesundheit 5, Soziales Umfeld 4, Qualität der Beschäftigung 3.',
    );
  });
});
