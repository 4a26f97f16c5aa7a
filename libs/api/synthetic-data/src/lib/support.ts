import type { ClosureReason, SupportState } from '@wegweiser/shared/contracts';
import { SUPPORT_WINDOW_MONTHS } from '@wegweiser/shared/contracts';
import { addMonths, civilFromDays, DAYS_PER_MONTH, daysFromCivil, toWorkdayOnOrBefore } from './dates';
import type { SyntheticRates } from './options';
import { correlatedUniform, type Rng, WeightedTable } from './random';

/** Outcomes a client would reach within the 36-month window, as day numbers (null = not within the window). */
export interface LatentOutcomes {
  b1: number | null;
  employment: number | null;
  apprenticeship: number | null;
  studies: number | null;
}

export interface SupportPeriod {
  start: number;
  windowEnd: number;
  state: SupportState;
  pausedOn: number | null;
  closedOn: number | null;
  closureReason: ClosureReason | null;
  /** Last day on which anything happens in the file (closure, pause or the reference date). */
  activityEnd: number;
}

export interface SupportSettings {
  referenceDay: number;
  startWindowDays: number;
  rates: SyntheticRates;
}

const EARLY_CLOSURE_REASONS = new WeightedTable<ClosureReason>([
  ['moved_away', 0.4],
  ['no_contact', 0.25],
  ['declined', 0.15],
  ['goals_reached', 0.15],
  ['other', 0.05],
]);

/** Support starts are spread evenly over the start window and fall on working days. */
export function drawSupportStart(rng: Rng, settings: SupportSettings): number {
  return toWorkdayOnOrBefore(settings.referenceDay - Math.floor(rng.next() * settings.startWindowDays));
}

function monthsToDays(months: number, windowDays: number): number {
  return Math.min(windowDays, Math.max(14, Math.round(months * DAYS_PER_MONTH)));
}

/** Moves a start date back to the latest intake date (month/day pairs) after the support start, if one is near. */
function snapToIntake(day: number, start: number, intakes: readonly (readonly [number, number])[], maxShift: number): number {
  const { year } = civilFromDays(day);
  let best: number | null = null;
  for (const y of [year - 1, year]) {
    for (const [month, dayOfMonth] of intakes) {
      const candidate = daysFromCivil(y, month, dayOfMonth);
      if (candidate > start && candidate <= day && day - candidate <= maxShift && (best === null || candidate > best)) {
        best = candidate;
      }
    }
  }
  return best ?? day;
}

/**
 * Draws which outcomes happen within 36 months and when. Each outcome's
 * probability is exactly its configured rate; a shared latent factor makes
 * outcomes go together (someone with B1 more often finds work).
 */
export function drawLatentOutcomes(rng: Rng, rates: SyntheticRates, start: number, windowEnd: number): LatentOutcomes {
  const windowDays = windowEnd - start;
  const shared = rng.next();
  const weight = rates.outcomeCorrelation;
  const happens = (rate: number): boolean => correlatedUniform(shared, rng.next(), weight) < rate;

  const b1 = happens(rates.b1Within36Months) ? start + monthsToDays(rng.triangular(4, 14, 36), windowDays) : null;
  const employment = happens(rates.employmentWithin36Months)
    ? start + monthsToDays(rng.triangular(2, 20, 36), windowDays)
    : null;
  const apprenticeshipRate = rates.apprenticeshipWithin36Months;
  const apprenticeshipDraw = correlatedUniform(shared, rng.next(), weight);
  let apprenticeship: number | null = null;
  let studies: number | null = null;
  if (apprenticeshipDraw < apprenticeshipRate) {
    const raw = start + monthsToDays(rng.triangular(5, 18, 36), windowDays);
    apprenticeship = snapToIntake(raw, start, [[8, 1], [9, 1]], 200);
  } else if (apprenticeshipRate < 1 && rng.next() < rates.studiesWithin36Months / (1 - apprenticeshipRate)) {
    const raw = start + monthsToDays(rng.triangular(8, 20, 36), windowDays);
    studies = snapToIntake(raw, start, [[4, 1], [10, 1]], 185);
  }
  return { b1, employment, apprenticeship, studies };
}

function lastLatentDay(latent: LatentOutcomes): number | null {
  let last: number | null = null;
  for (const day of [latent.b1, latent.employment, latent.apprenticeship, latent.studies]) {
    if (day !== null && (last === null || day > last)) last = day;
  }
  return last;
}

/**
 * State of the support period at the reference date. Early closures happen
 * only after the client's outcomes, so the configured rates are what the
 * evaluation sees for cohorts whose window has ended.
 */
export function drawSupportPeriod(rng: Rng, settings: SupportSettings, start: number, windowEnd: number, latent: LatentOutcomes): SupportPeriod {
  const ref = settings.referenceDay;
  const closesEarly = rng.chance(settings.rates.earlyClosure);
  let reason = EARLY_CLOSURE_REASONS.pick(rng);
  const closureDraw = rng.next();
  const pauses = rng.chance(settings.rates.paused);
  const pauseLength = rng.int(7, 120);

  if (closesEarly) {
    const last = lastLatentDay(latent);
    const earliest = Math.max(start + 60, last === null ? start : last + 14);
    if (earliest < windowEnd) {
      const closedOn = earliest + Math.floor(closureDraw * (windowEnd - earliest));
      if (closedOn <= ref) {
        const anyOutcome = latent.employment !== null || latent.apprenticeship !== null || latent.studies !== null;
        if (reason === 'goals_reached' && !anyOutcome) reason = 'moved_away';
        return { start, windowEnd, state: 'closed', pausedOn: null, closedOn, closureReason: reason, activityEnd: closedOn };
      }
    }
  }
  if (windowEnd <= ref) {
    return { start, windowEnd, state: 'closed', pausedOn: null, closedOn: windowEnd, closureReason: 'window_ended', activityEnd: windowEnd };
  }
  const pausedOn = ref - pauseLength;
  if (pauses && pausedOn > start + 30) {
    return { start, windowEnd, state: 'paused', pausedOn, closedOn: null, closureReason: null, activityEnd: pausedOn };
  }
  return { start, windowEnd, state: 'active', pausedOn: null, closedOn: null, closureReason: null, activityEnd: ref };
}

export function supportWindowEnd(start: number): number {
  return addMonths(start, SUPPORT_WINDOW_MONTHS);
}
