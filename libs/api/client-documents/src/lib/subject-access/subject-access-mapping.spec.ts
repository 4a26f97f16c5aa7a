import { toSubjectAccessInput, withIsoTimes } from './subject-access-mapping';

const empty = {
  supportEvents: [],
  extensions: [],
  assignments: [],
  languages: [],
  qualification: null,
  workExperience: [],
  agreements: [],
  reviews: [],
  referrals: [],
  consents: [],
  outcomes: [],
  ratings: [],
  reminders: [],
  accessLog: [],
};

describe('subject-access mapping', () => {
  it('turns points in time into ISO instants and keeps every other value', () => {
    expect(withIsoTimes({ at: new Date('2026-03-02T09:30:00Z'), onDate: '2026-03-02', weeks: 4, read: null })).toEqual({
      at: '2026-03-02T09:30:00.000Z',
      onDate: '2026-03-02',
      weeks: 4,
      read: null,
    });
  });

  it('puts steps under their goals, drops ids and ciphertext, and takes the office from the client row', () => {
    const input = toSubjectAccessInput(
      {
        ...empty,
        client: { municipality: 'Beispielheim', caseNumber: 'BH-2026-0001', createdAt: new Date('2026-01-12T08:00:00Z') },
        goals: [
          { id: 'g1', target: 'Deutsch bis B1', createdAt: new Date('2026-01-13T08:00:00Z') },
          { id: 'g2', target: 'Eigene Wohnung' },
        ],
        steps: [
          { goalId: 'g1', description: 'Anmelden' },
          { goalId: 'g1', description: 'Prüfung' },
        ],
        conversations: [
          {
            id: 'c1',
            noteCiphertext: 'v1:x',
            agreementsCiphertext: null,
            note: 'Notiz',
            agreements: null,
            heldAt: new Date('2026-02-02T09:00:00Z'),
            earlierVersions: [
              { id: 'r1', conversationId: 'c1', noteCiphertext: 'v1:y', agreementsCiphertext: null, note: 'Alt', agreements: null, version: 1, replacedAt: new Date('2026-02-03T10:00:00Z') },
            ],
          },
        ],
      },
      new Date('2026-07-01T09:30:00Z'),
    );
    expect(input.municipality).toBe('Beispielheim');
    expect(input.createdAt).toBe('2026-07-01T09:30:00.000Z');
    expect(input.client).toEqual({ caseNumber: 'BH-2026-0001', createdAt: '2026-01-12T08:00:00.000Z' });
    expect(input.goals).toEqual([
      { target: 'Deutsch bis B1', createdAt: '2026-01-13T08:00:00.000Z', steps: [{ description: 'Anmelden' }, { description: 'Prüfung' }] },
      { target: 'Eigene Wohnung', steps: [] },
    ]);
    expect(input.conversations).toEqual([
      { note: 'Notiz', agreements: null, heldAt: '2026-02-02T09:00:00.000Z', earlierVersions: [{ note: 'Alt', agreements: null, version: 1, replacedAt: '2026-02-03T10:00:00.000Z' }] },
    ]);
  });
});
