import { GoalResponse } from '@wegweiser/shared/contracts';
import { toPlanDocumentInput } from './plan-document-input';

const goal = (id: string, overrides: Partial<GoalResponse>): GoalResponse => ({
  id,
  fieldOfAction: 'work',
  target: `Ziel ${id}`,
  targetLevel: null,
  dueOn: '2026-12-31',
  state: 'open',
  stateChangedOn: '2026-01-12',
  version: 1,
  steps: [],
  ...overrides,
});

const client = { caseNumber: 'MS-2026-0007', firstName: 'Amina', lastName: 'Haddad', firstNameOriginal: 'أمينة', lastNameOriginal: 'حداد' };

describe('toPlanDocumentInput', () => {
  it('prints open, in-progress and achieved goals, grouped in the fixed order of the fields, then by due date', () => {
    const input = toPlanDocumentInput(
      client,
      [
        goal('housing', { fieldOfAction: 'housing', dueOn: '2026-06-30' }),
        goal('work-late', { dueOn: '2027-03-01', state: 'in_progress' }),
        goal('dropped', { fieldOfAction: 'language', state: 'dropped' }),
        goal('failed', { state: 'not_achieved' }),
        goal('work-early', { dueOn: '2026-09-01', state: 'achieved' }),
        goal('language', { fieldOfAction: 'language', targetLevel: 'B1', dueOn: '2027-06-30', steps: [{ id: 's', goalId: 'language', description: 'Zum Kurs anmelden', assignee: 'client', dueOn: null, doneOn: null, version: 1 }] }),
      ],
      'ar',
      '2026-02-01',
    );
    expect(input.goals.map((g) => g.target)).toEqual(['Ziel language', 'Ziel work-early', 'Ziel work-late', 'Ziel housing']);
    expect(input.goals[0]).toEqual({ field: { de: 'Sprache', client: 'اللغة' }, target: 'Ziel language', dueOn: '2027-06-30', steps: ['Zum Kurs anmelden'] });
    expect(input.goals[3]?.field).toEqual({ de: 'Wohnen', client: 'السكن' });
  });

  it('names the client in Latin and original script, with case number, language and agreement date', () => {
    expect(toPlanDocumentInput(client, [], 'uk', '2026-02-01')).toEqual({
      language: 'uk',
      clientName: { latin: 'Amina Haddad', native: 'أمينة حداد' },
      caseNumber: 'MS-2026-0007',
      agreedOn: '2026-02-01',
      goals: [],
    });
    const latinOnly = toPlanDocumentInput({ ...client, firstNameOriginal: null, lastNameOriginal: null }, [], 'en', '2026-02-01');
    expect(latinOnly.clientName).toEqual({ latin: 'Amina Haddad' });
  });
});
