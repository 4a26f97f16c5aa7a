import { CEFR_LEVELS, type CefrLevel, type EmploymentKind } from '@wegweiser/shared/contracts';
import { DAYS_PER_MONTH, isoDate } from './dates';
import type { SyntheticRates } from './options';
import { type Rng, WeightedTable } from './random';
import type { LatentOutcomes, SupportPeriod } from './support';
import { GERMAN_CERTIFICATES } from './texts/qualification-texts';
import type { SyntheticLanguageSkill, SyntheticOutcomes, SyntheticQualifications } from './types';

/** Outcomes as day numbers, only those that happened up to the last activity in the file. */
export interface RecordedOutcomes {
  b1: number | null;
  employment: number | null;
  apprenticeship: number | null;
  studies: number | null;
}

/** German level over time: start level, then A2, B1 and possibly B2/C1 on given days. */
export interface GermanTrajectory {
  startLevel: CefrLevel;
  a2: number | null;
  b1: number | null;
  upper: { level: 'B2' | 'C1'; day: number } | null;
}

const EMPLOYMENT_KINDS = new WeightedTable<EmploymentKind>([
  ['social_insurance', 0.72],
  ['mini_job', 0.22],
  ['self_employed', 0.06],
]);

export function recordOutcomes(latent: LatentOutcomes, period: SupportPeriod): RecordedOutcomes {
  const seen = (day: number | null): number | null => (day !== null && day <= period.activityEnd ? day : null);
  return {
    b1: seen(latent.b1),
    employment: seen(latent.employment),
    apprenticeship: seen(latent.apprenticeship),
    studies: seen(latent.studies),
  };
}

export function drawGermanTrajectory(rng: Rng, period: SupportPeriod, recorded: RecordedOutcomes): GermanTrajectory {
  const startLevel: CefrLevel = rng.chance(0.25) ? 'A2' : 'A1';
  const { start, activityEnd } = period;
  let a2: number | null = null;
  if (startLevel === 'A1') {
    const day = recorded.b1 !== null
      ? start + Math.round((recorded.b1 - start) * (0.3 + 0.4 * rng.next()))
      : rng.chance(0.8) ? start + Math.round(rng.triangular(3, 10, 30) * DAYS_PER_MONTH) : null;
    a2 = day !== null && day <= activityEnd ? day : null;
  }
  let upper: GermanTrajectory['upper'] = null;
  if (recorded.b1 !== null && rng.chance(0.3)) {
    const b2Day = recorded.b1 + Math.round(rng.triangular(4, 9, 18) * DAYS_PER_MONTH);
    if (b2Day <= activityEnd) upper = { level: rng.chance(0.15) ? 'C1' : 'B2', day: b2Day };
  }
  return { startLevel, a2, b1: recorded.b1, upper };
}

export function germanLevelAt(trajectory: GermanTrajectory, day: number): CefrLevel {
  if (trajectory.upper !== null && day >= trajectory.upper.day) return trajectory.upper.level;
  if (trajectory.b1 !== null && day >= trajectory.b1) return 'B1';
  if (trajectory.a2 !== null && day >= trajectory.a2) return 'A2';
  return trajectory.startLevel;
}

/** Current German skill with the certificate of the highest certified level. */
export function germanSkill(rng: Rng, trajectory: GermanTrajectory, activityEnd: number, rates: SyntheticRates): SyntheticLanguageSkill {
  const level = germanLevelAt(trajectory, activityEnd);
  let certificate: string | null = null;
  let certifiedOn: number | null = null;
  if (trajectory.upper !== null) {
    certificate = rng.pick(GERMAN_CERTIFICATES[trajectory.upper.level]);
    certifiedOn = trajectory.upper.day;
  } else if (trajectory.b1 !== null) {
    certificate = rng.pick(GERMAN_CERTIFICATES.B1);
    certifiedOn = trajectory.b1;
  } else if (trajectory.a2 !== null && rng.chance(rates.germanCertificateAtA2)) {
    certificate = GERMAN_CERTIFICATES.A2[0];
    certifiedOn = trajectory.a2;
  }
  return { language: 'de', level, native: false, certificate, certifiedOn: certifiedOn === null ? null : isoDate(certifiedOn) };
}

/** The outcomes as they started (how they end: `drawOutcomeCourse`). */
export function buildOutcomes(rng: Rng, recorded: RecordedOutcomes, qualifications: SyntheticQualifications): SyntheticOutcomes {
  let employment: SyntheticOutcomes['employment'] = null;
  if (recorded.employment !== null) {
    const kind: EmploymentKind = recorded.studies !== null && rng.chance(0.8) ? 'mini_job' : EMPLOYMENT_KINDS.pick(rng);
    const qualified = qualifications.vocationalTraining !== null || qualifications.universityDegree !== null;
    employment = {
      startedOn: isoDate(recorded.employment),
      kind,
      fullTime: kind === 'mini_job' ? false : rng.chance(kind === 'social_insurance' ? 0.6 : 0.7),
      matchesQualification: qualified && rng.chance(0.35),
      endedOn: null,
    };
  }
  return {
    b1ReachedOn: recorded.b1 === null ? null : isoDate(recorded.b1),
    b1PresentAtStart: null,
    employment,
    apprenticeshipStartedOn: recorded.apprenticeship === null ? null : isoDate(recorded.apprenticeship),
    apprenticeshipEnd: null,
    studiesStartedOn: recorded.studies === null ? null : isoDate(recorded.studies),
    studiesEnd: null,
  };
}

export function isAtLeast(level: CefrLevel, minimum: CefrLevel): boolean {
  return CEFR_LEVELS.indexOf(level) >= CEFR_LEVELS.indexOf(minimum);
}
