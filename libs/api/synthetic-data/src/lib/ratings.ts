import { addMonths, isoDate } from './dates';
import type { Rng } from './random';
import type { SupportPeriod } from './support';
import type { SyntheticRating } from './types';

function clampRating(value: number): number {
  return Math.min(5, Math.max(1, value));
}

function step(rng: Rng, up: number, down: number): number {
  const u = rng.next();
  return u < up ? 1 : u < up + down ? -1 : 0;
}

/**
 * Soft ratings (1-5) at the start and every `intervalMonths` after, up to the
 * last activity: health wanders, the social environment tends to improve,
 * quality of employment exists only once the client works.
 */
export function drawRatings(rng: Rng, period: SupportPeriod, intervalMonths: number, employedFrom: number | null): SyntheticRating[] {
  const ratings: SyntheticRating[] = [];
  let health = clampRating(Math.round(rng.triangular(1.5, 3.3, 5.4)));
  let social = rng.int(1, 3);
  let employment = rng.int(2, 4);
  for (let k = 0; ; k++) {
    const planned = addMonths(period.start, k * intervalMonths);
    if (planned > period.activityEnd) break;
    const ratedOn = Math.min(period.activityEnd, Math.max(period.start, planned + rng.int(-10, 14)));
    if (k > 0) {
      health = clampRating(health + step(rng, 0.2, 0.15));
      social = clampRating(social + step(rng, 0.35, 0.1));
    }
    const employed = employedFrom !== null && employedFrom <= ratedOn;
    if (employed && ratings.some((r) => r.employmentQuality !== null)) employment = clampRating(employment + step(rng, 0.25, 0.15));
    ratings.push({ ratedOn: isoDate(ratedOn), health, socialEnvironment: social, employmentQuality: employed ? employment : null });
  }
  return ratings;
}
