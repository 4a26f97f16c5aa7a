import type { Person } from './metrics-dataset';

/** The age bands of the annualCouncil breakdown, by a birth date giving that band at every support start of 2024. */
const BANDS = [
  { initial: 'u', born: '2002-03-01' }, // unter 25
  { initial: 'y', born: '1990-03-01' }, // 25–34
  { initial: 'm', born: '1984-06-01' }, // 35–44
  { initial: 'o', born: '1970-06-01' }, // 45 und älter
] as const;

/**
 * A hand-built cohort for the release ledger test: 2024, quarter by quarter, persons per age band (in the order of
 * BANDS). "45 und älter" has 3 persons in Q1 (below k = 5, the only small group of the quarter, so it is not merged
 * into "übrige" but hidden in the quarter report) and 2 in Q2, so the year shows 5: were the quarter hidden only in
 * one release, subtracting would reveal it. Every other band has at least k persons in every quarter.
 */
const QUARTERS: { start: string; bands: [number, number, number, number] }[] = [
  { start: '2024-02-01', bands: [5, 6, 5, 3] },
  { start: '2024-05-02', bands: [6, 5, 5, 2] },
  { start: '2024-08-01', bands: [5, 6, 5, 0] },
  { start: '2024-11-04', bands: [5, 5, 6, 0] },
];

/** Persons of the release test (key `<prefix><quarter><band initial><n>`), female and male alternating, each with the same minimal history. */
export function releasePeople(prefix = 'r'): Person[] {
  const people: Person[] = [];
  QUARTERS.forEach((quarter, q) => {
    BANDS.forEach((band, b) => {
      for (let n = 0; n < quarter.bands[b]; n++)
        people.push({
          key: `${prefix}${q + 1}${band.initial}${n}`,
          gender: n % 2 === 0 ? 'female' : 'male',
          born: band.born,
          country: 'SY',
          start: quarter.start,
        });
    });
  });
  return people;
}

/** The printed label and true size of the small group "45 und älter" in Q1 2024, and the persons of Q1. */
export const SMALL_BAND = '45 und älter';
export const SMALL_BAND_Q1 = 3;
export const PERSONS_Q1 = 19;
/** Persons aged 25–34 in Q1 2024 (published in the quarter report). */
export const BAND_25_34_Q1 = 6;
