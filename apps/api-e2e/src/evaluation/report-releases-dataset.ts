import type { Person } from './metrics-dataset';

/**
 * A hand-built cohort for the release ledger test: 2024, quarter by quarter. "divers / keine Angabe" has 3 persons
 * in Q1 (below k = 5, hidden in the quarter report) and 2 in Q2, so the year shows 5: were the quarter hidden only
 * in one release, subtracting would reveal it.
 */
const QUARTERS: { start: string; female: number; male: number; diverse: number; unspecified: number }[] = [
  { start: '2024-02-01', female: 6, male: 6, diverse: 2, unspecified: 1 },
  { start: '2024-05-02', female: 5, male: 6, diverse: 1, unspecified: 1 },
  { start: '2024-08-01', female: 6, male: 5, diverse: 0, unspecified: 0 },
  { start: '2024-11-04', female: 5, male: 7, diverse: 0, unspecified: 0 },
];

/** Persons of the release test (key `r<quarter><gender initial><n>`), each with the same minimal history. */
export function releasePeople(prefix = 'r'): Person[] {
  const people: Person[] = [];
  QUARTERS.forEach((quarter, q) => {
    for (const gender of ['female', 'male', 'diverse', 'unspecified'] as const)
      for (let n = 0; n < quarter[gender]; n++)
        people.push({
          key: `${prefix}${q + 1}${gender[0]}${n}`,
          gender,
          born: n % 2 === 0 ? '1990-03-01' : '1975-07-01',
          country: 'SY',
          start: quarter.start,
        });
  });
  return people;
}

/** The true size of "divers / keine Angabe" in Q1 2024. */
export const DIVERSE_Q1 = 3;
