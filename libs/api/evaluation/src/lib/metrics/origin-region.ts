/**
 * Regions of origin for the evaluation: single countries are never published,
 * only these groups (countries not listed count as "Sonstige").
 */
export const ORIGIN_REGIONS = [
  'middle_east',
  'north_africa',
  'sub_saharan_africa',
  'eastern_europe',
  'south_central_asia',
  'other',
] as const;
export type OriginRegion = (typeof ORIGIN_REGIONS)[number];

/** German labels (reports are German first). */
export const ORIGIN_REGION_LABELS_DE: Record<OriginRegion, string> = {
  middle_east: 'Naher Osten',
  north_africa: 'Nordafrika',
  sub_saharan_africa: 'Subsahara-Afrika',
  eastern_europe: 'Osteuropa',
  south_central_asia: 'Süd-/Zentralasien',
  other: 'Sonstige',
};

/** ISO 3166-1 alpha-2 codes per region (each code in at most one region). */
export const COUNTRIES_BY_REGION: Record<
  Exclude<OriginRegion, 'other'>,
  readonly string[]
> = {
  middle_east: [
    'SY',
    'IQ',
    'IR',
    'TR',
    'LB',
    'JO',
    'PS',
    'YE',
    'SA',
    'KW',
    'BH',
    'QA',
    'AE',
    'OM',
    'IL',
  ],
  north_africa: ['EG', 'LY', 'TN', 'DZ', 'MA', 'SD', 'EH'],
  sub_saharan_africa: [
    'ER',
    'SO',
    'ET',
    'DJ',
    'SS',
    'KE',
    'UG',
    'TZ',
    'RW',
    'BI',
    'CD',
    'CG',
    'CF',
    'CM',
    'TD',
    'NE',
    'NG',
    'GH',
    'CI',
    'GN',
    'GW',
    'SN',
    'GM',
    'ML',
    'BF',
    'SL',
    'LR',
    'TG',
    'BJ',
    'MR',
    'GA',
    'GQ',
    'AO',
    'ZM',
    'ZW',
    'MW',
    'MZ',
    'NA',
    'BW',
    'ZA',
    'LS',
    'SZ',
    'MG',
    'CV',
    'ST',
    'KM',
    'MU',
    'SC',
  ],
  eastern_europe: [
    'UA',
    'RU',
    'BY',
    'MD',
    'GE',
    'AM',
    'AZ',
    'PL',
    'RO',
    'BG',
    'HU',
    'CZ',
    'SK',
    'RS',
    'BA',
    'ME',
    'MK',
    'AL',
    'XK',
    'HR',
    'SI',
    'LT',
    'LV',
    'EE',
  ],
  south_central_asia: [
    'AF',
    'PK',
    'IN',
    'BD',
    'LK',
    'NP',
    'BT',
    'MV',
    'KZ',
    'KG',
    'TJ',
    'TM',
    'UZ',
  ],
};

const REGION_OF_COUNTRY: ReadonlyMap<string, OriginRegion> = new Map(
  Object.entries(COUNTRIES_BY_REGION).flatMap(([region, countries]) =>
    countries.map((country) => [country, region as OriginRegion] as const),
  ),
);

/** The region of an ISO country code ("Sonstige" for anything not listed). */
export function originRegion(country: string): OriginRegion {
  return REGION_OF_COUNTRY.get(country.toUpperCase()) ?? 'other';
}

/** The same mapping as an SQL `CASE` over a `char(2)` country expression (codes are constants checked to be `[A-Z]{2}`). */
export function originRegionSql(countryExpression: string): string {
  const branches = Object.entries(COUNTRIES_BY_REGION).map(
    ([region, countries]) => {
      for (const country of countries)
        if (!/^[A-Z]{2}$/.test(country))
          throw new Error(`not an ISO country code: ${country}`);
      return `WHEN ${countryExpression} IN (${countries.map((c) => `'${c}'`).join(', ')}) THEN '${region}'`;
    },
  );
  return `CASE ${branches.join(' ')} ELSE 'other' END`;
}
