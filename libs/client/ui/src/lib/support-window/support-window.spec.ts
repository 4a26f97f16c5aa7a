import { supportWindowProgress, wholeMonthsBetween } from './support-window';

const day = (value: string) => new Date(`${value}T00:00:00Z`);

describe('supportWindowProgress', () => {
  it('counts whole months left and the share elapsed', () => {
    expect(supportWindowProgress('2025-01-01', '2028-01-01', day('2026-07-01'))).toEqual({
      monthsLeft: 18,
      percentElapsed: 50,
      endingSoon: false,
      ended: false,
    });
  });

  it('warns below six months, not at six', () => {
    expect(supportWindowProgress('2023-06-01', '2026-06-01', day('2025-12-01')).endingSoon).toBe(false);
    const soon = supportWindowProgress('2023-06-01', '2026-06-01', day('2025-12-02'));
    expect(soon.monthsLeft).toBe(5);
    expect(soon.endingSoon).toBe(true);
  });

  it('reports an ended window with nothing left', () => {
    expect(supportWindowProgress('2022-01-01', '2025-01-01', day('2025-02-01'))).toEqual({
      monthsLeft: 0,
      percentElapsed: 100,
      endingSoon: false,
      ended: true,
    });
  });

  it('treats a window not yet started as 0 % elapsed', () => {
    expect(supportWindowProgress('2026-03-01', '2029-03-01', day('2026-02-01')).percentElapsed).toBe(0);
  });
});

describe('wholeMonthsBetween', () => {
  it('only counts a month once its day is reached', () => {
    expect(wholeMonthsBetween(day('2026-01-31'), day('2026-02-28'))).toBe(0);
    expect(wholeMonthsBetween(day('2026-01-15'), day('2026-03-15'))).toBe(2);
  });
});
