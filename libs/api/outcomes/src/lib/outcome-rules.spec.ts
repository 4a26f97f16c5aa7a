import { outcomeDetailProblems } from './outcome-rules';

describe('outcomeDetailProblems', () => {
  it('accepts consistent outcomes of every kind', () => {
    expect(outcomeDetailProblems('b1', { achievedOn: '2026-03-01', level: 'B1', certificate: 'telc Deutsch B1' })).toEqual({});
    expect(
      outcomeDetailProblems('employment', { achievedOn: '2026-03-01', employmentKind: 'mini_job', fullTime: false, matchesQualification: false, endedOn: '2026-09-30' }),
    ).toEqual({});
    expect(outcomeDetailProblems('apprenticeship', { achievedOn: '2026-08-01', description: 'Pflegefachmann' })).toEqual({});
    expect(outcomeDetailProblems('studies', { achievedOn: '2026-10-01', endedOn: null, level: null })).toEqual({});
  });

  it('names details a kind needs', () => {
    expect(outcomeDetailProblems('b1', { achievedOn: '2026-03-01' })).toEqual({ level: 'requiredForKind' });
    expect(outcomeDetailProblems('employment', { achievedOn: '2026-03-01', fullTime: true })).toEqual({
      employmentKind: 'requiredForKind',
      matchesQualification: 'requiredForKind',
    });
  });

  it('names details a kind does not have', () => {
    expect(outcomeDetailProblems('b1', { achievedOn: '2026-03-01', level: 'B2', endedOn: '2026-04-01', fullTime: true })).toEqual({
      endedOn: 'notForKind',
      fullTime: 'notForKind',
    });
    expect(outcomeDetailProblems('studies', { achievedOn: '2026-03-01', certificate: 'telc' })).toEqual({ certificate: 'notForKind' });
  });

  it('refuses an end before the start', () => {
    expect(outcomeDetailProblems('apprenticeship', { achievedOn: '2026-03-01', endedOn: '2026-02-28' })).toEqual({ endedOn: 'endsBeforeStart' });
  });
});
