import { createContext, type GenerationContext, placeClient } from './context';
import { drawConversations, expectedConversations } from './conversations';
import { isoDate, yearOf } from './dates';
import type { SyntheticDataOptionsInput } from './options';
import { buildOutcomes, drawGermanTrajectory, germanSkill, recordOutcomes } from './outcomes';
import { drawPerson } from './person';
import { drawPlan } from './plan';
import { drawQualifications } from './qualifications';
import { digest, Rng, uuidFromDigest } from './random';
import { drawOutcomeCourse, germanWithB1AtStart } from './outcome-course';
import { drawRatings } from './ratings';
import { drawLatentOutcomes, drawSupportPeriod, drawSupportStart, supportWindowEnd } from './support';
import { subjectIndexFor } from './texts/subject';
import type { SyntheticAssignment, SyntheticClient, SyntheticOrganisation } from './types';

function minOf(...days: (number | null)[]): number | null {
  const present = days.filter((d): d is number => d !== null);
  return present.length === 0 ? null : Math.min(...present);
}

/** Responsible managers over time: mostly one; sometimes a colleague of the same team handed over. */
function drawManagers(rng: Rng, context: GenerationContext, managerId: string, start: number, activityEnd: number): { staffId: string; from: number }[] {
  const team = context.teamOfManager.get(managerId);
  const colleagues = team ? team.managerIds.filter((id) => id !== managerId) : [];
  const changes = rng.chance(context.rates.managerChange);
  const changeDay = rng.int(start + 30, Math.max(start + 30, activityEnd - 30));
  const previous = colleagues.length > 0 ? rng.pick(colleagues) : null;
  if (!changes || previous === null || activityEnd - start < 90) return [{ staffId: managerId, from: start }];
  return [
    { staffId: previous, from: start },
    { staffId: managerId, from: changeDay },
  ];
}

/** Builds client `index` from (seed, index), the organisation and the options only. */
export function buildClient(context: GenerationContext, index: number): SyntheticClient {
  const bytes = digest('wegweiser-synthetic', context.options.seed, 'client', index);
  const rng = Rng.fromDigest(bytes);
  const { slot, runningNumber } = placeClient(context, index);
  const managerId = rng.pick(slot.managerIds);
  const team = context.teamOfManager.get(managerId);
  if (!team) throw new Error(`Manager ${managerId} has no team`);

  const start = drawSupportStart(rng, context);
  const windowEnd = supportWindowEnd(start);
  const latent = drawLatentOutcomes(rng, context.rates, start, windowEnd);
  const period = drawSupportPeriod(rng, context, start, windowEnd, latent);
  const recorded = recordOutcomes(latent, period);
  const person = drawPerson(rng, start, context.referenceDay, latent, context.rates.clientEmail);
  const qualifications = drawQualifications(rng, person.profile, latent, person.ageAtStart);
  const german = drawGermanTrajectory(rng, period, recorded);
  const outcomes = buildOutcomes(rng, recorded, qualifications);
  const startsInFollowUp = !rng.chance(context.rates.privateFlat);
  const plan = drawPlan(
    rng,
    {
      period,
      latent,
      recorded,
      ageAtStart: person.ageAtStart,
      householdMembers: person.householdMembers,
      residenceStatus: person.residenceStatus,
      livesInFollowUpAccommodation: startsInFollowUp,
    },
    context.options.averages,
  );
  const managers = drawManagers(rng, context, managerId, start, period.activityEnd);
  const assignments: SyntheticAssignment[] = managers.map((m, i) => ({
    staffId: m.staffId,
    from: isoDate(m.from),
    until: i + 1 < managers.length ? isoDate(managers[i + 1].from - 1) : null,
  }));
  const conversations = drawConversations(rng, {
    period,
    referenceDay: context.referenceDay,
    german,
    subject: subjectIndexFor(person.gender),
    goals: plan.goals,
    goalCreatedDays: plan.createdDays,
    managers,
    teamManagerIds: team.managerIds,
    expectedCount: expectedConversations(period, context.options.averages.conversationsPerClient, context.meanActivityMonths),
    interpreterAtA1: context.rates.interpreterAtA1,
  });
  const ratings = drawRatings(rng, period, context.options.averages.ratingIntervalMonths, minOf(recorded.employment, recorded.apprenticeship));
  // How outcomes end, from a stream of its own: every other draw of the client stays as it was.
  const courseRng = Rng.fromDigest(digest('wegweiser-synthetic', context.options.seed, 'client', index, 'outcome-course'));
  const outcomeCourse = drawOutcomeCourse(courseRng, outcomes, period);

  return {
    index,
    id: uuidFromDigest(bytes),
    municipalityId: slot.municipality.id,
    teamId: team.id,
    managerId,
    caseNumber: `${slot.municipality.code}-${yearOf(start)}-${String(runningNumber).padStart(5, '0')}`,
    firstName: person.firstName,
    lastName: person.lastName,
    firstNameOriginal: person.firstNameOriginal,
    lastNameOriginal: person.lastNameOriginal,
    nameGroup: person.nameGroup,
    nameScript: person.nameScript,
    dateOfBirth: person.dateOfBirth,
    gender: person.gender,
    countryOfOrigin: person.profile.country,
    nationalities: person.nationalities,
    languages: [...person.languages, germanWithB1AtStart(courseRng, germanSkill(rng, german, period.activityEnd, context.rates), outcomeCourse.b1PresentAtStart)],
    residenceStatus: person.residenceStatus,
    residenceValidUntil: person.residenceValidUntil,
    arrivedOn: person.arrivedOn,
    housing: startsInFollowUp && plan.movedOutOn === null ? 'follow_up_accommodation' : 'private_flat',
    householdMembers: person.householdMembers,
    phone: person.phone,
    email: person.email,
    support: {
      startedOn: isoDate(start),
      windowEndsOn: isoDate(windowEnd),
      state: period.state,
      pausedOn: period.pausedOn === null ? null : isoDate(period.pausedOn),
      closedOn: period.closedOn === null ? null : isoDate(period.closedOn),
      closureReason: period.closureReason,
    },
    assignments,
    qualifications,
    goals: plan.goals,
    conversations,
    outcomes: outcomeCourse,
    ratings,
  };
}

/** Half-open index range `[from, to)` of the stream; defaults to all `options.clients` clients. */
export interface ClientRange {
  from?: number;
  to?: number;
}

/**
 * Streams clients one at a time (all `options.clients`, or the given range, e.g.
 * one slice per seeding worker). Each client depends only on the seed, its
 * index, the options and the organisation, never on the others.
 */
export function* generateClients(
  options: SyntheticDataOptionsInput,
  organisation: SyntheticOrganisation,
  range: ClientRange = {},
): Generator<SyntheticClient, void, undefined> {
  const context = createContext(options, organisation);
  const from = range.from ?? 0;
  const to = range.to ?? context.options.clients;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) {
    throw new RangeError(`Client range must satisfy 0 <= from <= to (integers), got [${from}, ${to})`);
  }
  for (let index = from; index < to; index++) yield buildClient(context, index);
}

/** Rebuilds the client at `index` of the stream without generating the others. */
export function generateClient(options: SyntheticDataOptionsInput, organisation: SyntheticOrganisation, index: number): SyntheticClient {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`Client index must be a non-negative integer, got ${index}`);
  return buildClient(createContext(options, organisation), index);
}
