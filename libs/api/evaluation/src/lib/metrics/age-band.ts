/**
 * Age bands at support start (the only age published). Clients are adults in
 * the domain; a minor (possible in the schema, absent from the demo data) is
 * kept in its own band "unter 18" so that the bands always add up to the total.
 */
export const AGE_BANDS = [
  'under_18',
  '18_24',
  '25_34',
  '35_44',
  '45_plus',
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** German labels. */
export const AGE_BAND_LABELS_DE: Record<AgeBand, string> = {
  under_18: 'unter 18',
  '18_24': '18–24',
  '25_34': '25–34',
  '35_44': '35–44',
  '45_plus': '45 und älter',
};

/** Lower bound (completed years) of each band but the first, in order. */
const LOWER_BOUNDS: readonly (readonly [number, AgeBand])[] = [
  [45, '45_plus'],
  [35, '35_44'],
  [25, '25_34'],
  [18, '18_24'],
];

/** The band of an age in completed years. */
export function ageBand(years: number): AgeBand {
  if (!Number.isInteger(years) || years < 0)
    throw new RangeError('age must be a non-negative integer');
  return LOWER_BOUNDS.find(([lower]) => years >= lower)?.[1] ?? 'under_18';
}

/** Age in completed years on `atExpression` of someone born on `birthExpression` (both SQL `date`). */
export function completedYearsSql(
  birthExpression: string,
  atExpression: string,
): string {
  return `date_part('year', age(${atExpression}, ${birthExpression}))`;
}

/** {@link ageBand} as an SQL `CASE` over an expression in completed years. */
export function ageBandSql(yearsExpression: string): string {
  return `CASE ${LOWER_BOUNDS.map(([lower, band]) => `WHEN ${yearsExpression} >= ${lower} THEN '${band}'`).join(' ')} ELSE 'under_18' END`;
}
