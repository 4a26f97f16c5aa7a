import { FundingCountRow } from './funding-report.sql';
import { toFundingReport } from './funding-report.mapping';

const row = (manager_id: string | null, indicator: FundingCountRow['indicator'], key: string, n: number): FundingCountRow => ({ manager_id, indicator, key, n });

describe('toFundingReport', () => {
  const report = toFundingReport({
    from: '2025-01-01',
    to: '2025-03-31',
    createdOn: '2025-04-02',
    municipalityName: 'Musterstadt',
    workingGroups: [{ id: 'g1', name: 'Sprache' }],
    managers: [
      { id: 'm1', name: 'Anna Alt' },
      { id: 'm2', name: 'Berta Bau' },
    ],
    rows: [
      row('m1', 'persons', 'new', 2),
      row('m2', 'persons', 'ongoing', 3),
      row(null, 'persons', 'new', 1),
      row('m1', 'conversations', 'phone', 4),
      row('m2', 'conversations', 'home_visit', 1),
      row('m1', 'goals', 'work:achieved', 2),
      row('m1', 'referralGroups', 'g1', 1),
      row('m2', 'referralGroups', 'none', 2),
      row('m1', 'planWithin3', 'yes', 1),
      row('m1', 'planWithin3', 'no', 2),
      row('m2', 'planWithin3', 'yes', 1),
      row('m2', 'goalsClosed', 'language:no', 1),
      row('m2', 'closures', 'moved_away', 1),
    ],
  });

  it('gives a column per manager, one for clients without a manager, and the total as the sum', () => {
    expect(report.managers.map((m) => [m.kind, m.name])).toEqual([
      ['manager', 'Anna Alt'],
      ['manager', 'Berta Bau'],
      ['unassigned', ''],
    ]);
    expect(report.managers.map((m) => m.figures.personsNew)).toEqual([2, 0, 1]);
    expect(report.total.figures).toMatchObject({ personsNew: 3, personsOngoing: 3, conversations: 5 });
    expect(report.total.figures.conversationsByForm).toEqual({ office: 0, phone: 4, video: 0, home_visit: 1 });
    expect(report.total.figures.goals.work.achieved).toBe(2);
    expect(report.total.figures.referralsByWorkingGroup).toEqual({ g1: 1, none: 2 });
    expect(report.managers[1]?.figures.referralsByWorkingGroup).toEqual({ g1: 0, none: 2 });
    expect(report.total.figures.closuresByReason.moved_away).toBe(1);
  });

  it('adds shares as numerator of denominator', () => {
    expect(report.managers[0]?.quality.planWithinThreeMonths).toEqual({ numerator: 1, denominator: 3 });
    expect(report.total.quality.planWithinThreeMonths).toEqual({ numerator: 2, denominator: 4 });
    expect(report.total.quality.goalsAchieved.language).toEqual({ numerator: 0, denominator: 1 });
    expect(report.total.quality.planReviewedSixMonths).toEqual({ numerator: 0, denominator: 0 });
  });

  it('has no column for unassigned clients when there are none', () => {
    const only = toFundingReport({ from: '2025-01-01', to: '2025-01-31', createdOn: '2025-02-01', municipalityName: 'M', workingGroups: [], managers: [], rows: [] });
    expect(only.managers).toEqual([]);
    expect(only.total.kind).toBe('total');
  });
});
