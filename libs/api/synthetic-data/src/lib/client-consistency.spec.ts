import { CEFR_LEVELS, FIELDS_OF_ACTION, RESIDENCE_STATUSES, STEP_ASSIGNEES } from '@wegweiser/shared/contracts';
import { generateClients } from './client';
import { addMonths, isoDate, parseIsoDate, weekday } from './dates';
import { resolveOptions } from './options';
import { generateOrganisation } from './organisation';
import type { SyntheticClient } from './types';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SCRIPT = {
  Latin: /^[\p{Script=Latin}' -]+$/u,
  Arabic: /^[\p{Script=Arabic} ]+$/u,
  Cyrillic: /^[\p{Script=Cyrillic} -]+$/u,
  Ethiopic: /^[\p{Script=Ethiopic} ]+$/u,
} as const;

function within(date: string | null, from: string, to: string): boolean {
  return date === null || (date >= from && date <= to);
}

describe.each([
  { seed: 77, clients: 3_000 },
  { seed: 5, clients: 1_500, municipalities: 3, referenceDate: '2021-03-15' },
])('generated clients for %p', (input) => {
  const options = resolveOptions(input);
  const organisation = generateOrganisation(options);
  const clients: SyntheticClient[] = [...generateClients(options, organisation)];
  const REF = options.referenceDate;
  const teams = new Map(organisation.teams.map((t) => [t.id, t]));

  /** Last day anything can happen in the file. */
  const lastActivity = (client: SyntheticClient): string => client.support.closedOn ?? client.support.pausedOn ?? REF;

  /** Runs a check over every client and returns "case number: problem" lines (empty when all is well). */
  const violations = (check: (client: SyntheticClient, fail: (problem: string) => void) => void): string[] => {
    const found: string[] = [];
    for (const client of clients) check(client, (problem) => found.push(`${client.caseNumber}: ${problem}`));
    return found.slice(0, 20);
  };

  it('have unique v4 ids', () => {
    expect(clients.every((c) => UUID_V4.test(c.id))).toBe(true);
    expect(new Set(clients.map((c) => c.id)).size).toBe(clients.length);
  });

  it('have case numbers unique per municipality with code, start year and a dense running number', () => {
    for (const municipality of organisation.municipalities) {
      const own = clients.filter((c) => c.municipalityId === municipality.id);
      expect(own.length).toBeGreaterThan(0);
      expect(new Set(own.map((c) => c.caseNumber)).size).toBe(own.length);
      const running = own.map((client) => {
        const match = /^([A-Z]+)-(\d{4})-(\d{5,})$/.exec(client.caseNumber);
        expect(match?.[1]).toBe(municipality.code);
        expect(match?.[2]).toBe(client.support.startedOn.slice(0, 4));
        return Number(match?.[3]);
      });
      expect(running.sort((a, b) => a - b)).toEqual(own.map((_, i) => i + 1));
    }
  });

  it('are assigned to a manager of their team in their municipality', () => {
    expect(
      violations((client, fail) => {
        const team = teams.get(client.teamId);
        if (team?.municipalityId !== client.municipalityId) fail('team of another municipality');
        if (!team?.managerIds.includes(client.managerId)) fail('manager not in team');
        const last = client.assignments[client.assignments.length - 1];
        if (last.staffId !== client.managerId || last.until !== null) fail('last assignment is not the manager');
        if (client.assignments[0].from !== client.support.startedOn) fail('first assignment not at start');
        if (client.assignments.some((a) => !team?.managerIds.includes(a.staffId))) fail('assignment outside team');
      }),
    ).toEqual([]);
    expect(clients.some((c) => c.assignments.length > 1)).toBe(true);
  });

  it('carry names whose original form is in the script of their group', () => {
    expect(
      violations((client, fail) => {
        if (!SCRIPT.Latin.test(`${client.firstName} ${client.lastName}`)) fail('Latin name not Latin');
        if (!SCRIPT[client.nameScript].test(`${client.firstNameOriginal} ${client.lastNameOriginal}`)) {
          fail(`original name not in ${client.nameScript}`);
        }
      }),
    ).toEqual([]);
    expect(new Set(clients.map((c) => c.nameScript))).toEqual(new Set(['Latin', 'Arabic', 'Cyrillic', 'Ethiopic']));
  });

  it('are adults who arrived before their support started', () => {
    expect(
      violations((client, fail) => {
        if (client.dateOfBirth > isoDate(addMonths(parseIsoDate(client.support.startedOn), -18 * 12))) fail('minor at start');
        if (!within(client.arrivedOn, '2015-01-01', client.support.startedOn)) fail('arrival out of range');
        if (client.countryOfOrigin === 'UA' && client.arrivedOn < '2022-02-24') fail('Ukrainian arrival before 2022-02-24');
      }),
    ).toEqual([]);
  });

  it('use known vocabularies and ISO codes', () => {
    const statuses: string[] = RESIDENCE_STATUSES.map((s) => s.code);
    const levels: readonly string[] = CEFR_LEVELS;
    expect(
      violations((client, fail) => {
        if (!statuses.includes(client.residenceStatus)) fail('unknown residence status');
        if (![client.countryOfOrigin, ...client.nationalities].every((c) => /^[A-Z]{2}$/.test(c))) fail('bad country code');
        if (!client.languages.every((l) => /^[a-z]{2}$/.test(l.language) && levels.includes(l.level))) fail('bad language');
        if (client.languages.filter((l) => l.language === 'de').length !== 1) fail('German missing or repeated');
        if (!client.languages[0].native) fail('native language not first');
      }),
    ).toEqual([]);
  });

  it('have contact data that cannot reach real people', () => {
    expect(
      violations((client, fail) => {
        if (!/^\+49 (30 23125|69 90009|40 66969|221 4710|89 99998)\d{3}$/.test(client.phone)) fail(`phone ${client.phone}`);
        if (client.email !== null && !/^[a-z.-]+\d*@[a-z]+\.example$/.test(client.email)) fail(`email ${client.email}`);
      }),
    ).toEqual([]);
    expect(clients.some((c) => c.email !== null)).toBe(true);
    expect(organisation.staff.every((s) => s.email.endsWith('.wegweiser.example'))).toBe(true);
  });

  it('have a consistent support period', () => {
    expect(
      violations(({ support }, fail) => {
        if (support.startedOn > REF) fail('starts after the reference date');
        if (weekday(parseIsoDate(support.startedOn)) % 6 === 0) fail('starts on a weekend');
        if (support.windowEndsOn !== isoDate(addMonths(parseIsoDate(support.startedOn), 36))) fail('window is not 36 months');
        if (support.windowEndsOn <= REF && support.state !== 'closed') fail('window ended but not closed');
        if (support.state === 'closed') {
          if (support.closureReason === null) fail('closed without reason');
          if (support.closedOn === null || !within(support.closedOn, support.startedOn, support.windowEndsOn) || support.closedOn > REF) {
            fail('closure date out of range');
          }
          if (support.closureReason === 'window_ended' && support.closedOn !== support.windowEndsOn) fail('window_ended not at window end');
        } else if (support.closedOn !== null || support.closureReason !== null) {
          fail('open support with closure data');
        }
        if ((support.state === 'paused') !== (support.pausedOn !== null) || !within(support.pausedOn, support.startedOn, REF)) {
          fail('pause inconsistent');
        }
      }),
    ).toEqual([]);
  });

  it('record outcomes only within the support so far and before the reference date', () => {
    expect(
      violations((client, fail) => {
        const { outcomes, support } = client;
        const to = lastActivity(client);
        const dates = [outcomes.b1ReachedOn, outcomes.employment?.startedOn ?? null, outcomes.apprenticeshipStartedOn, outcomes.studiesStartedOn];
        if (to > REF) fail('activity after the reference date');
        if (!dates.every((d) => within(d, support.startedOn, to) && within(d, support.startedOn, support.windowEndsOn))) {
          fail('outcome outside the support window');
        }
        if (outcomes.employment?.kind === 'mini_job' && outcomes.employment.fullTime) fail('full-time mini-job');
        if (outcomes.apprenticeshipStartedOn !== null && outcomes.studiesStartedOn !== null) fail('apprenticeship and studies');
      }),
    ).toEqual([]);
  });

  it('date outcomes the way the API accepts them: nothing in the future, before the start only as "bei Beginn vorhanden"', () => {
    expect(
      violations((client, fail) => {
        const { outcomes, support } = client;
        const to = lastActivity(client);
        const ends = [outcomes.employment?.endedOn ?? null, outcomes.apprenticeshipEnd?.endedOn ?? null, outcomes.studiesEnd?.endedOn ?? null];
        if (!ends.every((d) => d === null || (d <= to && d <= REF))) fail('end after the last activity');
        if (outcomes.employment?.endedOn && outcomes.employment.endedOn < outcomes.employment.startedOn) fail('job ends before it starts');
        if (outcomes.apprenticeshipEnd && (!outcomes.apprenticeshipStartedOn || outcomes.apprenticeshipEnd.endedOn <= outcomes.apprenticeshipStartedOn)) fail('apprenticeship end');
        if (outcomes.studiesEnd && (!outcomes.studiesStartedOn || outcomes.studiesEnd.endedOn <= outcomes.studiesStartedOn)) fail('studies end');
        if (outcomes.b1PresentAtStart !== null && (outcomes.b1PresentAtStart >= support.startedOn || outcomes.b1ReachedOn !== null)) fail('B1 at start');
      }),
    ).toEqual([]);
    expect(clients.some((c) => c.outcomes.b1PresentAtStart !== null)).toBe(true);
    expect(clients.some((c) => c.outcomes.employment?.kind === 'self_employed' && c.outcomes.employment.endedOn !== null)).toBe(true);
    expect(clients.some((c) => c.outcomes.employment?.endedOn !== null && c.outcomes.employment?.endedOn !== undefined)).toBe(true);
    const trainingEnds = clients.flatMap((c) => [c.outcomes.apprenticeshipEnd, c.outcomes.studiesEnd]).filter((e) => e !== null);
    expect(new Set(trainingEnds.map((e) => e?.completed))).toEqual(new Set([true, false]));
  });

  it('keep German level, certificate and B1 outcome in line', () => {
    expect(
      violations((client, fail) => {
        const german = client.languages.find((l) => l.language === 'de');
        const atLeastB1 = german !== undefined && CEFR_LEVELS.indexOf(german.level) >= CEFR_LEVELS.indexOf('B1');
        const { b1ReachedOn, b1PresentAtStart } = client.outcomes;
        if (atLeastB1 !== (b1ReachedOn !== null || b1PresentAtStart !== null)) fail('level and B1 outcome disagree');
        if ((german?.certificate === null) !== (german?.certifiedOn === null)) fail('certificate without date');
        // A certificate brought along ("bei Beginn vorhanden") is dated before the support start; any other within it.
        const certifiedAtStart = b1PresentAtStart !== null && german?.certifiedOn === b1PresentAtStart;
        if (!certifiedAtStart && !within(german?.certifiedOn ?? null, client.support.startedOn, lastActivity(client))) fail('certificate date out of range');
        if (b1PresentAtStart !== null && !/B1/.test(german?.certificate ?? '')) fail('B1 at start without certificate');
        if (client.outcomes.b1ReachedOn !== null && !/(B1|B2|C1)/.test(german?.certificate ?? '')) fail('B1 without certificate');
      }),
    ).toEqual([]);
    expect(clients.some((c) => c.languages.some((l) => l.certificate === 'telc Deutsch B1'))).toBe(true);
  });

  it('have 3-8 goals with dated steps matching their state and the outcomes', () => {
    const assignees: readonly string[] = STEP_ASSIGNEES;
    expect(
      violations((client, fail) => {
        const to = lastActivity(client);
        const { goals } = client;
        if (goals.length < 3 || goals.length > 8) fail(`${goals.length} goals`);
        if (new Set(goals.map((g) => g.fieldOfAction)).size !== goals.length) fail('two goals in one field');
        if ((goals.find((g) => g.fieldOfAction === 'language')?.achievedOn ?? null) !== client.outcomes.b1ReachedOn) fail('B1 goal vs outcome');
        const work = goals.find((g) => g.fieldOfAction === 'work');
        if (client.outcomes.employment && work?.achievedOn !== client.outcomes.employment.startedOn) fail('work goal vs outcome');
        for (const goal of goals) {
          if (!within(goal.createdOn, client.support.startedOn, to)) fail('goal created outside the support');
          if (goal.dueOn <= goal.createdOn) fail('goal due before creation');
          if ((goal.state === 'achieved') !== (goal.achievedOn !== null) || !within(goal.achievedOn, goal.createdOn, to)) fail('achievement');
          if (client.support.state === 'closed' && (goal.state === 'open' || goal.state === 'in_progress')) fail('open goal in closed case');
          if (goal.steps.length < 1 || goal.steps.length > 4) fail(`${goal.steps.length} steps`);
          for (const step of goal.steps) {
            if (!assignees.includes(step.assignee)) fail('unknown assignee');
            if (!within(step.doneOn, goal.createdOn, goal.achievedOn ?? to)) fail('step done out of range');
            if (goal.state === 'achieved' && step.doneOn === null) fail('achieved goal with open step');
            if (goal.state === 'open' && step.doneOn !== null) fail('open goal with done step');
          }
        }
        const movedOut = goals.some((g) => g.target.includes('Anschlussunterbringung') && g.state === 'achieved');
        if (movedOut && client.housing !== 'private_flat') fail('moved out but still in follow-up accommodation');
      }),
    ).toEqual([]);
  });

  it('have conversations in order, on working days, within the support, held by the team', () => {
    const fields: readonly string[] = FIELDS_OF_ACTION;
    expect(
      violations((client, fail) => {
        const managerIds = teams.get(client.teamId)?.managerIds ?? [];
        const { conversations } = client;
        if (conversations[0]?.heldAt.slice(0, 10) !== client.support.startedOn) fail('no intake on the start day');
        if (!conversations[0]?.note.startsWith('Erstgespräch')) fail('first note is not an intake');
        conversations.forEach((conversation, i) => {
          const day = conversation.heldAt.slice(0, 10);
          if (!within(day, client.support.startedOn, lastActivity(client))) fail(`conversation on ${day} outside the support`);
          if (weekday(parseIsoDate(day)) % 6 === 0) fail('conversation on a weekend');
          if (i > 0 && conversation.heldAt < conversations[i - 1].heldAt) fail('conversations out of order');
          if (!managerIds.includes(conversation.staffId)) fail('held by someone outside the team');
          if (conversation.topics.length === 0 || !conversation.topics.every((t) => fields.includes(t))) fail('bad topics');
          if (conversation.note.length < 20 || conversation.durationMinutes % 5 !== 0) fail('note or duration');
          if (conversation.nextAppointmentAt !== null && conversation.nextAppointmentAt <= conversation.heldAt) fail('next appointment in the past');
        });
      }),
    ).toEqual([]);
  });

  it('have soft ratings on a 1-5 scale every few months within the support', () => {
    expect(
      violations((client, fail) => {
        const starts = [client.outcomes.employment?.startedOn, client.outcomes.apprenticeshipStartedOn].filter((d): d is string => !!d);
        const employedFrom = starts.sort()[0] ?? null;
        if (client.ratings.length === 0) fail('no ratings');
        client.ratings.forEach((rating, i) => {
          if (!within(rating.ratedOn, client.support.startedOn, lastActivity(client))) fail('rating outside the support');
          if (![rating.health, rating.socialEnvironment, rating.employmentQuality ?? 3].every((v) => v >= 1 && v <= 5)) fail('off scale');
          if (rating.employmentQuality !== null && (employedFrom === null || rating.ratedOn < employedFrom)) fail('job rated before a job');
          if (i > 0 && rating.ratedOn <= client.ratings[i - 1].ratedOn) fail('ratings out of order');
        });
      }),
    ).toEqual([]);
  });
});
