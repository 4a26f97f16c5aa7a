import type { RecognitionState } from '@wegweiser/shared/contracts';
import type { OriginProfile } from './origins';
import { type Rng, WeightedTable } from './random';
import type { LatentOutcomes } from './support';
import { INTERESTS, OCCUPATIONS, schoolCertificate, UNIVERSITY_DEGREES, VOCATIONAL_TRAININGS } from './texts/qualification-texts';
import type { SyntheticQualifications, SyntheticWorkExperience } from './types';

const RECOGNITION = new WeightedTable<RecognitionState>([
  ['not_started', 0.35],
  ['pending', 0.25],
  ['full', 0.15],
  ['partial', 0.15],
  ['refused', 0.1],
]);

/** Picks `count` distinct items (partial Fisher-Yates on a copy). */
export function pickDistinct<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const pool = items.slice();
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng.next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

function countryOf(rng: Rng, profile: OriginProfile, abroadShare: number): string {
  return profile.otherCountries.length > 0 && rng.chance(abroadShare) ? rng.pick(profile.otherCountries) : profile.country;
}

export function drawQualifications(rng: Rng, profile: OriginProfile, latent: LatentOutcomes, ageAtStart: number): SyntheticQualifications {
  const [min, mode, max] = profile.schoolYears;
  let schoolYears = Math.round(rng.triangular(min, mode, max + 0.001));
  if (latent.studies !== null) schoolYears = Math.max(schoolYears, 12);
  const universityDegree = schoolYears >= 12 && rng.chance(profile.universityShare) ? rng.pick(UNIVERSITY_DEGREES) : null;
  const vocationalTraining =
    rng.chance(universityDegree === null ? profile.vocationalShare : profile.vocationalShare * 0.2)
      ? rng.pick(VOCATIONAL_TRAININGS)
      : null;
  const hasForeignQualification = universityDegree !== null || vocationalTraining !== null;

  const maxYears = Math.max(1, Math.min(20, ageAtStart - 16));
  const experienceCount = rng.chance(0.25) ? 0 : rng.int(1, ageAtStart < 25 ? 1 : 3);
  const workExperience: SyntheticWorkExperience[] = pickDistinct(rng, OCCUPATIONS, experienceCount).map((occupation) => ({
    occupation,
    years: rng.int(1, maxYears),
    country: countryOf(rng, profile, 0.2),
  }));

  return {
    schoolYears,
    schoolCountry: schoolYears === 0 ? null : countryOf(rng, profile, 0.15),
    schoolCertificate: schoolCertificate(schoolYears),
    vocationalTraining,
    universityDegree,
    recognitionState: hasForeignQualification ? RECOGNITION.pick(rng) : null,
    workExperience,
    interests: pickDistinct(rng, INTERESTS, rng.int(1, 3)),
  };
}
