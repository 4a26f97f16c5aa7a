import { notInFuture, outcomeDateProblems, outcomeDetailProblems, touchedDateProblems } from './outcome-rules';

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

describe('completed (apprenticeship and studies)', () => {
  it('is accepted for an ended apprenticeship or studies, either way', () => {
    expect(outcomeDetailProblems('apprenticeship', { achievedOn: '2023-08-01', endedOn: '2026-07-31', completed: true })).toEqual({});
    expect(outcomeDetailProblems('studies', { achievedOn: '2024-10-01', endedOn: '2025-03-31', completed: false })).toEqual({});
    expect(outcomeDetailProblems('studies', { achievedOn: '2024-10-01', endedOn: '2025-03-31', completed: null })).toEqual({});
  });

  it('needs an end', () => {
    expect(outcomeDetailProblems('apprenticeship', { achievedOn: '2023-08-01', completed: true })).toEqual({ completed: 'requiresEnd' });
    expect(outcomeDetailProblems('studies', { achievedOn: '2023-08-01', endedOn: null, completed: false })).toEqual({ completed: 'requiresEnd' });
  });

  it('is no detail of B1 or employment', () => {
    expect(outcomeDetailProblems('b1', { achievedOn: '2026-03-01', level: 'B1', completed: true })).toEqual({ completed: 'notForKind' });
    expect(
      outcomeDetailProblems('employment', { achievedOn: '2026-03-01', endedOn: '2026-04-01', employmentKind: 'self_employed', fullTime: true, matchesQualification: false, completed: false }),
    ).toEqual({ completed: 'notForKind' });
  });
});

describe('outcomeDateProblems', () => {
  const start = '2025-06-01';
  const today = '2026-12-07';

  it('accepts dates from the support start up to today', () => {
    expect(outcomeDateProblems({ achievedOn: start }, start, today)).toEqual({});
    expect(outcomeDateProblems({ achievedOn: '2026-01-01', endedOn: today }, start, today)).toEqual({});
  });

  it('refuses dates after today, the start and the end alike', () => {
    expect(outcomeDateProblems({ achievedOn: '2026-12-08' }, start, today)).toEqual({ achievedOn: 'inFuture' });
    expect(outcomeDateProblems({ achievedOn: '2026-01-01', endedOn: '2026-12-08' }, start, today)).toEqual({ endedOn: 'inFuture' });
    expect(outcomeDateProblems({ achievedOn: '2026-12-08', presentAtStart: true }, start, today)).toEqual({ achievedOn: 'inFuture' });
  });

  it('accepts a date before the support start only as "bei Beginn vorhanden"', () => {
    expect(outcomeDateProblems({ achievedOn: '2025-05-31' }, start, today)).toEqual({ achievedOn: 'beforeSupportStart' });
    expect(outcomeDateProblems({ achievedOn: '2025-05-31', presentAtStart: false }, start, today)).toEqual({ achievedOn: 'beforeSupportStart' });
    expect(outcomeDateProblems({ achievedOn: '2024-02-10', presentAtStart: true }, start, today)).toEqual({});
    expect(outcomeDateProblems({ achievedOn: start, presentAtStart: true }, start, today)).toEqual({});
  });

  it('refuses "bei Beginn vorhanden" for a date after the support start', () => {
    expect(outcomeDateProblems({ achievedOn: '2025-06-02', presentAtStart: true }, start, today)).toEqual({ achievedOn: 'afterSupportStart' });
  });
});

describe('touchedDateProblems', () => {
  const problems = { achievedOn: 'beforeSupportStart', endedOn: 'inFuture' };

  it('keeps only the problems of what a PATCH sets (the flag counts for the date)', () => {
    expect(touchedDateProblems(problems, new Set(['description']))).toEqual({});
    expect(touchedDateProblems(problems, new Set(['endedOn']))).toEqual({ endedOn: 'inFuture' });
    expect(touchedDateProblems(problems, new Set(['presentAtStart']))).toEqual({ achievedOn: 'beforeSupportStart' });
    expect(touchedDateProblems(problems, new Set(['achievedOn', 'endedOn']))).toEqual(problems);
  });
});

describe('notInFuture', () => {
  it('allows today and before, refuses tomorrow', () => {
    expect(notInFuture('ratedOn', '2026-12-07', '2026-12-07')).toEqual({});
    expect(notInFuture('ratedOn', null, '2026-12-07')).toEqual({});
    expect(notInFuture('ratedOn', '2026-12-08', '2026-12-07')).toEqual({ ratedOn: 'inFuture' });
  });
});
