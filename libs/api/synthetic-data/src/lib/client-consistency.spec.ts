import { CEFR_LEVELS, FIELDS_OF_ACTION, RESIDENCE_STATUSES } from '@wegweiser/shared/contracts';
import { generateClients } from './client';
import { addMonths, isoDate, parseIsoDate, weekday } from './dates';
import { resolveOptions } from './options';
import { generateOrganisation } from './organisation';
import type { SyntheticClient } from './types';

const options = resolveOptions({ seed: 77, clients: 3_000 });
const organisation = generateOrganisation(options);
const clients: SyntheticClient[] = [...generateClients(options, organisation)];
const REF = options.referenceDate;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SCRIPT = {
  Latin: /^[\p{Script=Latin}' -]+$/u,
  Arabic: /^[\p{Script=Arabic} ]+$/u,
  Cyrillic: /^[\p{Script=Cyrillic}-]+$/u,
  Ethiopic: /^\p{Script=Ethiopic}+$/u,
} as const;

/** Last day anything can happen in the file. */
function lastActivity(client: SyntheticClient): string {
  return client.support.closedOn ?? client.support.pausedOn ?? REF;
}

function expectWithin(date: string | null, from: string, to: string): void {
  if (date === null) return;
  expect(date >= from && date <= to ? 'within' : `${date} outside ${from}..${to}`).toBe('within');
}

describe('generated clients', () => {
  it('have unique v4 ids', () => {
    expect(clients.every((c) => UUID_V4.test(c.id))).toBe(true);
    expect(new Set(clients.map((c) => c.id)).size).toBe(clients.length);
  });

  it('have case numbers unique per municipality with code, start year and a dense running number', () => {
    for (const municipality of organisation.municipalities) {
      const own = clients.filter((c) => c.municipalityId === municipality.id);
      expect(own.length).toBeGreaterThan(0);
      const numbers = own.map((c) => c.caseNumber);
      expect(new Set(numbers).size).toBe(numbers.length);
      const running: number[] = [];
      for (const client of own) {
        const match = /^([A-Z]+)-(\d{4})-(\d{5,})$/.exec(client.caseNumber);
        expect(match).not.toBeNull();
        expect(match?.[1]).toBe(municipality.code);
        expect(match?.[2]).toBe(client.support.startedOn.slice(0, 4));
        running.push(Number(match?.[3]));
      }
      expect(running.sort((a, b) => a - b)).toEqual(own.map((_, i) => i + 1));
    }
  });

  it('are assigned to a manager of their team in their municipality', () => {
    for (const client of clients) {
      const team = organisation.teams.find((t) => t.id === client.teamId);
      expect(team?.municipalityId).toBe(client.municipalityId);
      expect(team?.managerIds).toContain(client.managerId);
      expect(client.assignments[client.assignments.length - 1]).toMatchObject({ staffId: client.managerId, until: null });
      expect(client.assignments[0].from).toBe(client.support.startedOn);
      for (const assignment of client.assignments) expect(team?.managerIds).toContain(assignment.staffId);
    }
    expect(clients.some((c) => c.assignments.length > 1)).toBe(true);
  });

  it('carry names whose original form is in the script of their group', () => {
    for (const client of clients) {
      expect(`${client.firstName} ${client.lastName}`).toMatch(SCRIPT.Latin);
      expect(`${client.firstNameOriginal} ${client.lastNameOriginal}`).toMatch(SCRIPT[client.nameScript]);
    }
    expect(new Set(clients.map((c) => c.nameScript))).toEqual(new Set(['Latin', 'Arabic', 'Cyrillic', 'Ethiopic']));
  });

  it('are adults who arrived before their support started', () => {
    for (const client of clients) {
      const start = parseIsoDate(client.support.startedOn);
      expect(client.dateOfBirth <= isoDate(addMonths(start, -18 * 12))).toBe(true);
      expect(client.arrivedOn <= client.support.startedOn).toBe(true);
      expect(client.arrivedOn >= '2015-01-01').toBe(true);
      if (client.countryOfOrigin === 'UA') expect(client.arrivedOn >= '2022-02-24').toBe(true);
    }
  });

  it('use known vocabularies and ISO codes', () => {
    const statuses = RESIDENCE_STATUSES.map((s) => s.code as string);
    for (const client of clients) {
      expect(statuses).toContain(client.residenceStatus);
      expect(client.countryOfOrigin).toMatch(/^[A-Z]{2}$/);
      client.nationalities.forEach((n) => expect(n).toMatch(/^[A-Z]{2}$/));
      client.languages.forEach((l) => {
        expect(l.language).toMatch(/^[a-z]{2}$/);
        expect(CEFR_LEVELS).toContain(l.level);
      });
      expect(client.languages.filter((l) => l.language === 'de')).toHaveLength(1);
      expect(client.languages[0].native).toBe(true);
    }
  });

  it('have contact data that cannot reach real people', () => {
    for (const client of clients) {
      expect(client.phone).toMatch(/^\+49 (30 23125|69 90009|40 66969|221 4710|89 99998)\d{3}$/);
      if (client.email !== null) expect(client.email).toMatch(/^[a-z.-]+\d*@[a-z]+\.example$/);
    }
    expect(clients.some((c) => c.email !== null)).toBe(true);
    expect(organisation.staff.every((s) => s.email.endsWith('.wegweiser.example'))).toBe(true);
  });

  it('have a consistent support period', () => {
    for (const client of clients) {
      const { support } = client;
      expect(support.startedOn <= REF).toBe(true);
      expect(weekday(parseIsoDate(support.startedOn))).not.toBe(0);
      expect(support.windowEndsOn).toBe(isoDate(addMonths(parseIsoDate(support.startedOn), 36)));
      if (support.state === 'closed') {
        expect(support.closureReason).not.toBeNull();
        expectWithin(support.closedOn, support.startedOn, support.windowEndsOn);
        expect(support.closedOn !== null && support.closedOn <= REF).toBe(true);
        if (support.closureReason === 'window_ended') expect(support.closedOn).toBe(support.windowEndsOn);
      } else {
        expect(support.closedOn).toBeNull();
        expect(support.closureReason).toBeNull();
        expect(support.windowEndsOn > REF).toBe(true);
      }
      if (support.state === 'paused') expectWithin(support.pausedOn, support.startedOn, REF);
      // a window that has ended is always closed
      if (support.windowEndsOn <= REF) expect(support.state).toBe('closed');
    }
  });

  it('record outcomes only within the support so far and before the reference date', () => {
    for (const client of clients) {
      const { outcomes, support } = client;
      const to = lastActivity(client);
      expect(to <= REF).toBe(true);
      for (const date of [outcomes.b1ReachedOn, outcomes.employment?.startedOn ?? null, outcomes.apprenticeshipStartedOn, outcomes.studiesStartedOn]) {
        expectWithin(date, support.startedOn, to);
        expectWithin(date, support.startedOn, support.windowEndsOn);
      }
      if (outcomes.employment?.kind === 'mini_job') expect(outcomes.employment.fullTime).toBe(false);
      expect(outcomes.apprenticeshipStartedOn !== null && outcomes.studiesStartedOn !== null).toBe(false);
    }
  });

  it('keep German level, certificate and B1 outcome in line', () => {
    for (const client of clients) {
      const german = client.languages.find((l) => l.language === 'de');
      const atLeastB1 = german !== undefined && CEFR_LEVELS.indexOf(german.level) >= CEFR_LEVELS.indexOf('B1');
      expect(atLeastB1).toBe(client.outcomes.b1ReachedOn !== null);
      if (german?.certificate) expectWithin(german.certifiedOn, client.support.startedOn, lastActivity(client));
      if (client.outcomes.b1ReachedOn !== null) expect(german?.certificate).toMatch(/(B1|B2|C1)/);
    }
    expect(clients.some((c) => c.languages.some((l) => l.certificate?.startsWith('telc Deutsch B1')))).toBe(true);
  });

  it('have 3-8 goals with dated steps matching their state and the outcomes', () => {
    for (const client of clients) {
      const to = lastActivity(client);
      expect(client.goals.length).toBeGreaterThanOrEqual(3);
      expect(client.goals.length).toBeLessThanOrEqual(8);
      expect(new Set(client.goals.map((g) => g.fieldOfAction)).size).toBe(client.goals.length);
      const language = client.goals.find((g) => g.fieldOfAction === 'language');
      expect(language?.achievedOn ?? null).toBe(client.outcomes.b1ReachedOn);
      const work = client.goals.find((g) => g.fieldOfAction === 'work');
      if (client.outcomes.employment) expect(work?.achievedOn).toBe(client.outcomes.employment.startedOn);
      for (const goal of client.goals) {
        expectWithin(goal.createdOn, client.support.startedOn, to);
        expect(goal.dueOn > goal.createdOn).toBe(true);
        expect(goal.state === 'achieved').toBe(goal.achievedOn !== null);
        expectWithin(goal.achievedOn, goal.createdOn, to);
        if (client.support.state === 'closed') expect(['open', 'in_progress']).not.toContain(goal.state);
        expect(goal.steps.length).toBeGreaterThanOrEqual(1);
        expect(goal.steps.length).toBeLessThanOrEqual(4);
        for (const step of goal.steps) {
          expect(['client', 'manager', 'partner']).toContain(step.assignee);
          expectWithin(step.doneOn, goal.createdOn, goal.achievedOn ?? to);
          if (goal.state === 'achieved') expect(step.doneOn).not.toBeNull();
          if (goal.state === 'open') expect(step.doneOn).toBeNull();
        }
      }
      if (client.goals.some((g) => g.target.includes('Anschlussunterbringung') && g.state === 'achieved')) {
        expect(client.housing).toBe('private_flat');
      }
    }
  });

  it('have conversations in order, on working days, within the support, held by the team', () => {
    for (const client of clients) {
      const team = organisation.teams.find((t) => t.id === client.teamId);
      const { conversations } = client;
      expect(conversations.length).toBeGreaterThanOrEqual(1);
      expect(conversations[0].heldAt.slice(0, 10)).toBe(client.support.startedOn);
      expect(conversations[0].note.startsWith('Erstgespräch')).toBe(true);
      conversations.forEach((conversation, i) => {
        const day = conversation.heldAt.slice(0, 10);
        expectWithin(day, client.support.startedOn, lastActivity(client));
        expect([0, 6]).not.toContain(weekday(parseIsoDate(day)));
        if (i > 0) expect(conversation.heldAt >= conversations[i - 1].heldAt).toBe(true);
        expect(team?.managerIds).toContain(conversation.staffId);
        expect(conversation.topics.length).toBeGreaterThanOrEqual(1);
        conversation.topics.forEach((topic) => expect(FIELDS_OF_ACTION).toContain(topic));
        expect(conversation.note.length).toBeGreaterThan(20);
        expect(conversation.durationMinutes % 5).toBe(0);
        if (conversation.nextAppointmentAt !== null) expect(conversation.nextAppointmentAt > conversation.heldAt).toBe(true);
      });
    }
  });

  it('have soft ratings on a 1-5 scale every few months within the support', () => {
    for (const client of clients) {
      expect(client.ratings.length).toBeGreaterThanOrEqual(1);
      const employedFrom = client.outcomes.employment?.startedOn ?? client.outcomes.apprenticeshipStartedOn;
      client.ratings.forEach((rating, i) => {
        expectWithin(rating.ratedOn, client.support.startedOn, lastActivity(client));
        for (const value of [rating.health, rating.socialEnvironment]) expect(value >= 1 && value <= 5).toBe(true);
        if (rating.employmentQuality !== null) {
          expect(employedFrom ?? '9999').not.toBe('9999');
          expect(rating.ratedOn >= (employedFrom ?? '9999')).toBe(true);
        }
        if (i > 0) expect(rating.ratedOn > client.ratings[i - 1].ratedOn).toBe(true);
      });
    }
  });
});
