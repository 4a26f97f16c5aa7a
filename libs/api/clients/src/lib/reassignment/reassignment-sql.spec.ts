import { byName, toAssignment } from './reassignment-sql';

describe('reassignment mapping', () => {
  it('orders staff by last, then first name, in German (umlauts beside their base letter)', () => {
    const staff = [
      { id: '1', firstName: 'Jonas', lastName: 'Zimmermann' },
      { id: '2', firstName: 'Tanja', lastName: 'Müller' },
      { id: '3', firstName: 'Anna', lastName: 'Öztürk' },
      { id: '4', firstName: 'Ben', lastName: 'Müller' },
      { id: '5', firstName: 'Ole', lastName: 'Otto' },
    ];
    expect([...staff].sort(byName).map((s) => s.id)).toEqual(['4', '2', '5', '3', '1']);
  });

  it('maps a history row with and without a previous manager', () => {
    const row = {
      id: 'a-1',
      reason: 'Elternzeit',
      assigned_at: new Date('2026-11-20T09:30:00Z'),
      from_id: null,
      from_first_name: null,
      from_last_name: null,
      to_id: 'm-2',
      to_first_name: 'Nadine',
      to_last_name: 'Wagner',
      by_id: 'l-1',
      by_first_name: 'Oliver',
      by_last_name: 'Zimmermann',
    };
    expect(toAssignment(row)).toEqual({
      id: 'a-1',
      fromManager: null,
      toManager: { id: 'm-2', firstName: 'Nadine', lastName: 'Wagner' },
      reason: 'Elternzeit',
      assignedBy: { id: 'l-1', firstName: 'Oliver', lastName: 'Zimmermann' },
      assignedAt: '2026-11-20T09:30:00.000Z',
    });
    expect(toAssignment({ ...row, from_id: 'm-1', from_first_name: 'Julia', from_last_name: 'Neumann' }).fromManager).toEqual({ id: 'm-1', firstName: 'Julia', lastName: 'Neumann' });
  });
});
