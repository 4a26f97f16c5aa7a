import { caseloadNotice, colleaguesWithRoom, ResponsibleOption } from './caseload-options';

const person = (id: string, openClients: number | undefined, caseloadMaximum: number | null = null, caseloadRecommended: number | null = null): ResponsibleOption => ({
  id,
  firstName: 'Vorname',
  lastName: id,
  ...(openClients === undefined ? {} : { openClients, caseloadMaximum, caseloadRecommended }),
});

describe('caseload notice of the intake', () => {
  it('says a caseload at its maximum is full, naming the maximum', () => {
    expect(caseloadNotice(person('Neumann', 3, 3), null)).toEqual({ name: 'Vorname Neumann', state: 'full', limit: 3 });
    expect(caseloadNotice(person('Neumann', 2, 3), null)).toBeNull();
  });

  it('warns above the recommended size, and says nothing without figures', () => {
    expect(caseloadNotice(person('Wagner', 71, 80, 70), null)).toEqual({ name: 'Vorname Wagner', state: 'aboveRecommended', limit: 70 });
    expect(caseloadNotice(person('Ich', undefined), null)).toBeNull();
  });

  it('believes the API’s refusal even when the figures were stale', () => {
    expect(caseloadNotice(person('Neumann', 2, 3), { managerId: 'Neumann', maximum: 3, openClients: 3 })).toEqual({ name: 'Vorname Neumann', state: 'full', limit: 3 });
  });

  it('offers the colleagues below their maximum (or without one), fewest open cases first', () => {
    const options = [person('Ich', undefined), person('Neumann', 3, 3), person('Wagner', 10, null), person('Dritte', 1, 5), person('Voll', 5, 5)];
    expect(colleaguesWithRoom(options, 'Neumann', null).map((o) => o.id)).toEqual(['Dritte', 'Wagner']);
    expect(colleaguesWithRoom(options, 'Wagner', { managerId: 'Dritte', maximum: 5, openClients: 5 }).map((o) => o.id)).toEqual([]);
  });
});
