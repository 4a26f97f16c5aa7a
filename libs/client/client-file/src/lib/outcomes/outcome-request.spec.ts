import { OutcomeFormValue, outcomeRequest } from './outcome-request';

const everything: OutcomeFormValue = {
  kind: null,
  achievedOn: '2026-03-02',
  endedOn: '2026-09-30',
  level: 'B2',
  certificate: '  telc Deutsch B2 ',
  employmentKind: 'social_insurance',
  fullTime: false,
  matchesQualification: false,
  description: '  Pflegehelferin  ',
};

describe('outcomeRequest', () => {
  it('sends only level and certificate for B1, never an end', () => {
    expect(outcomeRequest({ ...everything, kind: 'b1' })).toEqual({ kind: 'b1', achievedOn: '2026-03-02', level: 'B2', certificate: 'telc Deutsch B2' });
  });

  it('sends the employment details, including "no" answers', () => {
    expect(outcomeRequest({ ...everything, kind: 'employment' })).toEqual({
      kind: 'employment',
      achievedOn: '2026-03-02',
      endedOn: '2026-09-30',
      employmentKind: 'social_insurance',
      fullTime: false,
      matchesQualification: false,
      description: 'Pflegehelferin',
    });
  });

  it('leaves out empty texts and dates', () => {
    expect(outcomeRequest({ ...everything, kind: 'studies', description: '   ', endedOn: '' })).toEqual({ kind: 'studies', achievedOn: '2026-03-02' });
    expect(outcomeRequest({ ...everything, kind: 'apprenticeship' })).toEqual({
      kind: 'apprenticeship',
      achievedOn: '2026-03-02',
      endedOn: '2026-09-30',
      description: 'Pflegehelferin',
    });
  });
});
