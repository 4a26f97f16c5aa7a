import { OutcomeFormValue, outcomeRequest } from './outcome-request';

const everything: OutcomeFormValue = {
  kind: null,
  achievedOn: '2026-03-02',
  presentAtStart: false,
  endedOn: '2026-09-30',
  completed: true,
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
    expect(outcomeRequest({ ...everything, kind: 'apprenticeship', completed: null })).toEqual({
      kind: 'apprenticeship',
      achievedOn: '2026-03-02',
      endedOn: '2026-09-30',
      description: 'Pflegehelferin',
    });
  });

  it('sends how a training ended only with its end, and never for other kinds', () => {
    expect(outcomeRequest({ ...everything, kind: 'studies', description: '' })).toEqual({ kind: 'studies', achievedOn: '2026-03-02', endedOn: '2026-09-30', completed: true });
    expect(outcomeRequest({ ...everything, kind: 'studies', description: '', endedOn: '', completed: false })).toEqual({ kind: 'studies', achievedOn: '2026-03-02' });
    expect(outcomeRequest({ ...everything, kind: 'employment' })).not.toHaveProperty('completed');
  });

  it('sends "bei Beginn vorhanden" only when ticked', () => {
    expect(outcomeRequest({ ...everything, kind: 'b1', presentAtStart: true })).toEqual(expect.objectContaining({ presentAtStart: true }));
    expect(outcomeRequest({ ...everything, kind: 'b1' })).not.toHaveProperty('presentAtStart');
  });
});
