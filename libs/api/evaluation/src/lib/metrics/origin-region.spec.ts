import {
  COUNTRIES_BY_REGION,
  ORIGIN_REGION_LABELS_DE,
  ORIGIN_REGIONS,
  originRegion,
  originRegionSql,
} from './origin-region';

describe('regions of origin', () => {
  it.each([
    ['SY', 'middle_east'],
    ['IQ', 'middle_east'],
    ['IR', 'middle_east'],
    ['TR', 'middle_east'],
    ['EG', 'north_africa'],
    ['MA', 'north_africa'],
    ['ER', 'sub_saharan_africa'],
    ['SO', 'sub_saharan_africa'],
    ['NG', 'sub_saharan_africa'],
    ['UA', 'eastern_europe'],
    ['RU', 'eastern_europe'],
    ['AF', 'south_central_asia'],
    ['PK', 'south_central_asia'],
    ['VE', 'other'],
    ['CN', 'other'],
    ['ua', 'eastern_europe'],
  ])('%s → %s', (country, region) => {
    expect(originRegion(country)).toBe(region);
  });

  it('lists every country once, as an ISO code, and labels every region in German', () => {
    const all = Object.values(COUNTRIES_BY_REGION).flat();
    expect(new Set(all).size).toBe(all.length);
    for (const country of all) expect(country).toMatch(/^[A-Z]{2}$/);
    expect(Object.keys(ORIGIN_REGION_LABELS_DE).sort()).toEqual(
      [...ORIGIN_REGIONS].sort(),
    );
    expect(ORIGIN_REGION_LABELS_DE.other).toBe('Sonstige');
  });

  it('covers every country of origin of the demo data', () => {
    for (const country of [
      'UA',
      'SY',
      'AF',
      'IR',
      'IQ',
      'TR',
      'ER',
      'SO',
      'RU',
    ])
      expect(originRegion(country)).not.toBe('other');
  });

  it('the SQL CASE maps the same countries to the same regions, anything else to other', () => {
    const sql = originRegionSql('c.country');
    expect(sql.startsWith('CASE ')).toBe(true);
    expect(sql.endsWith(` ELSE 'other' END`)).toBe(true);
    for (const [region, countries] of Object.entries(COUNTRIES_BY_REGION)) {
      expect(sql).toContain(
        `WHEN c.country IN (${countries.map((c) => `'${c}'`).join(', ')}) THEN '${region}'`,
      );
    }
  });
});
