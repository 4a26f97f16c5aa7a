import { clientDateProblems, ClientDates } from './client-rules';

const TODAY = '2026-11-21';
const valid: ClientDates = { dateOfBirth: '1990-04-01', arrivalDate: '2023-08-15', supportStart: '2024-01-10', residenceValidUntil: '2027-01-01' };
const all = new Set(['dateOfBirth', 'arrivalDate', 'supportStart', 'residenceValidUntil']);

describe('client date order', () => {
  it('accepts birth < arrival ≤ start ≤ today, and missing optional dates', () => {
    expect(clientDateProblems(valid, TODAY, all)).toEqual({});
    expect(clientDateProblems({ ...valid, arrivalDate: null, residenceValidUntil: null }, TODAY, all)).toEqual({});
    expect(clientDateProblems({ ...valid, arrivalDate: TODAY, supportStart: TODAY }, TODAY, all)).toEqual({});
  });

  it.each([
    ['birth today', { dateOfBirth: TODAY, arrivalDate: null, supportStart: TODAY }, { dateOfBirth: 'notInFuture', supportStart: 'dateOrder' }],
    ['arrival in the future', { arrivalDate: '2026-11-22' }, { arrivalDate: 'notInFuture', supportStart: 'dateOrder' }],
    ['arrival before birth', { arrivalDate: '1989-01-01' }, { arrivalDate: 'dateOrder', dateOfBirth: 'dateOrder' }],
    ['start before arrival', { supportStart: '2023-08-14' }, { supportStart: 'dateOrder', arrivalDate: 'dateOrder' }],
    ['start in the future', { supportStart: '2026-12-01' }, { supportStart: 'notInFuture' }],
    ['residence ending before birth', { residenceValidUntil: '1980-01-01' }, { residenceValidUntil: 'dateOrder', dateOfBirth: 'dateOrder' }],
  ])('refuses %s', (_label, change, expected) => {
    expect(clientDateProblems({ ...valid, ...change }, TODAY, all)).toEqual(expected);
  });

  it('names only the fields the change sends', () => {
    expect(clientDateProblems({ ...valid, arrivalDate: '1989-01-01' }, TODAY, new Set(['arrivalDate']))).toEqual({ arrivalDate: 'dateOrder' });
  });
});
