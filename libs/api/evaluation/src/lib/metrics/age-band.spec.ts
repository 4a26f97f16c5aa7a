import { AGE_BANDS, ageBand, ageBandSql } from './age-band';

describe('age bands at support start', () => {
  it.each([
    [0, 'under_18'],
    [17, 'under_18'],
    [18, '18_24'],
    [24, '18_24'],
    [25, '25_34'],
    [34, '25_34'],
    [35, '35_44'],
    [44, '35_44'],
    [45, '45_plus'],
    [90, '45_plus'],
  ])('%i completed years → %s', (years, band) => {
    expect(ageBand(years)).toBe(band);
  });

  it('refuses ages that are not whole non-negative years', () => {
    expect(() => ageBand(-1)).toThrow(RangeError);
    expect(() => ageBand(24.5)).toThrow(RangeError);
  });

  it('the SQL CASE tests the bounds from the top, with the same codes', () => {
    const sql = ageBandSql('y');
    expect(sql).toBe(
      `CASE WHEN y >= 45 THEN '45_plus' WHEN y >= 35 THEN '35_44' WHEN y >= 25 THEN '25_34' WHEN y >= 18 THEN '18_24' ELSE 'under_18' END`,
    );
    for (const band of AGE_BANDS) expect(sql).toContain(`'${band}'`);
  });
});
