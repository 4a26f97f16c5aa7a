import { emailLocalPart } from './email';
import { generateOrganisation, organisationSize } from './organisation';

const STAFF_EMAIL = /^[a-z-]+\.[a-z-]+\d*@[a-z0-9]+\.wegweiser\.example$/;

describe('generateOrganisation', () => {
  it('builds two municipalities with 2 teams of at least 2 managers each by default', () => {
    const organisation = generateOrganisation();
    expect(organisation.municipalities.map((m) => m.code)).toEqual(['MS', 'BH']);
    expect(organisation.teams).toHaveLength(4);
    for (const team of organisation.teams) {
      expect(team.managerIds.length).toBeGreaterThanOrEqual(2);
      const lead = organisation.staff.find((s) => s.id === team.leadId);
      expect(lead).toMatchObject({ role: 'team_lead', teamId: team.id, municipalityId: team.municipalityId });
      for (const id of team.managerIds) {
        expect(organisation.staff.find((s) => s.id === id)).toMatchObject({ role: 'manager', teamId: team.id });
      }
    }
  });

  it('gives every municipality one admin, one evaluator and one dpo outside the teams', () => {
    const organisation = generateOrganisation({ municipalities: 3 });
    for (const municipality of organisation.municipalities) {
      const ofMunicipality = organisation.staff.filter((s) => s.municipalityId === municipality.id);
      for (const role of ['admin', 'evaluator', 'dpo'] as const) {
        const holders = ofMunicipality.filter((s) => s.role === role);
        expect(holders).toHaveLength(1);
        expect(holders[0].teamId).toBeNull();
      }
    }
  });

  it('uses unique firstname.lastname addresses on the municipality .example domain only', () => {
    const organisation = generateOrganisation({ clients: 60_000 });
    const emails = organisation.staff.map((s) => s.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const member of organisation.staff) {
      const code = organisation.municipalities.find((m) => m.id === member.municipalityId)?.code.toLowerCase();
      expect(member.email).toMatch(STAFF_EMAIL);
      expect(member.email.endsWith(`@${code}.wegweiser.example`)).toBe(true);
      expect(member.email.startsWith(`${emailLocalPart(member.firstName)}.${emailLocalPart(member.lastName)}`)).toBe(true);
    }
  });

  it('is deterministic per seed', () => {
    expect(generateOrganisation({ seed: 9 })).toEqual(generateOrganisation({ seed: 9 }));
    expect(generateOrganisation({ seed: 9 }).staff[0]).not.toEqual(generateOrganisation({ seed: 10 }).staff[0]);
  });
});

describe('organisation scaling', () => {
  it('derives ~1,200 managers in ~120 teams from 250,000 clients', () => {
    const size = organisationSize({ clients: 250_000 });
    expect(size.managers).toBeGreaterThanOrEqual(1_150);
    expect(size.managers).toBeLessThanOrEqual(1_250);
    const teams = size.teamSizesByMunicipality.flat();
    expect(teams.length).toBeGreaterThanOrEqual(110);
    expect(teams.length).toBeLessThanOrEqual(130);
    expect(teams.reduce((a, b) => a + b, 0)).toBe(size.managers);
    expect(Math.min(...teams)).toBeGreaterThanOrEqual(2);
  });

  it('generates that organisation quickly and consistently', () => {
    const organisation = generateOrganisation({ clients: 250_000 });
    const managers = organisation.staff.filter((s) => s.role === 'manager');
    expect(managers.length).toBe(organisationSize({ clients: 250_000 }).managers);
    expect(organisation.teams.length).toBe(organisation.staff.filter((s) => s.role === 'team_lead').length);
  });

  it('follows clientsPerManager, municipalities and an explicit manager count', () => {
    expect(organisationSize({ clients: 15_000, clientsPerManager: 150 }).managers).toBe(100);
    expect(organisationSize({ clients: 15_000, municipalities: 4 }).managersByMunicipality).toHaveLength(4);
    expect(organisationSize({ clients: 15_000, managers: 40 }).managers).toBe(40);
    // never fewer than 2 teams of 2 managers per municipality
    expect(organisationSize({ clients: 10, municipalities: 3 }).teamSizesByMunicipality).toEqual([[2, 2], [2, 2], [2, 2]]);
  });
});

describe('emailLocalPart', () => {
  it('spells out umlauts and drops other diacritics', () => {
    expect(emailLocalPart('Jürgen')).toBe('juergen');
    expect(emailLocalPart('Weiß')).toBe('weiss');
    expect(emailLocalPart('Şêrwan')).toBe('serwan');
    expect(emailLocalPart('Yıldız')).toBe('yildiz');
    expect(emailLocalPart('Al-Hassan')).toBe('al-hassan');
  });
});
