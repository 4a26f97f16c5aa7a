import { CEFR_LEVELS, type CefrLevel, type Gender, type ResidenceStatusCode } from '@wegweiser/shared/contracts';
import { addMonths, DAYS_PER_MONTH, isoDate, parseIsoDate } from './dates';
import { emailLocalPart } from './email';
import { NAME_GROUPS } from './names';
import { ORIGIN_PROFILES, type OriginProfile } from './origins';
import { type Rng, WeightedTable } from './random';
import type { LatentOutcomes } from './support';
import type { NameGroupCode, NameScript, SyntheticLanguageSkill } from './types';

export interface Person {
  profile: OriginProfile;
  gender: Gender;
  firstName: string;
  lastName: string;
  firstNameOriginal: string;
  lastNameOriginal: string;
  nameGroup: NameGroupCode;
  nameScript: NameScript;
  dateOfBirth: string;
  ageAtStart: number;
  nationalities: string[];
  /** Languages other than German. */
  languages: SyntheticLanguageSkill[];
  residenceStatus: ResidenceStatusCode;
  residenceValidUntil: string | null;
  arrivedOn: string;
  householdMembers: number;
  phone: string;
  email: string | null;
}

/** An origin profile with its tables prepared once. */
interface Origin {
  profile: OriginProfile;
  earliestArrival: number;
  native: WeightedTable<string>;
  residence: WeightedTable<ResidenceStatusCode>;
}

const ORIGINS: readonly Origin[] = ORIGIN_PROFILES.map((profile) => ({
  profile,
  earliestArrival: parseIsoDate(profile.earliestArrival),
  native: new WeightedTable(profile.native),
  residence: new WeightedTable(profile.residence),
}));
const ORIGIN_TABLE = new WeightedTable(ORIGINS.map((origin) => [origin, origin.profile.weight] as const));
const FALLBACK_ORIGIN = ORIGINS.reduce((a, b) => (a.earliestArrival <= b.earliestArrival ? a : b));

const HOUSEHOLD_SIZES = new WeightedTable<number>([[1, 0.38], [2, 0.14], [3, 0.13], [4, 0.12], [5, 0.1], [6, 0.07], [7, 0.04], [8, 0.02]]);
/** Drama numbers that the Bundesnetzagentur keeps unassigned for media (Amtsblatt 7/2021). */
const FICTION_PHONE_PREFIXES: readonly string[] = ['+49 30 23125', '+49 69 90009', '+49 40 66969', '+49 221 4710', '+49 89 99998'];
const TEMPORARY_PROTECTION_UNTIL = parseIsoDate('2027-03-04');

/** Origins are drawn by weight among those whose people could have arrived before the support start. */
function pickOrigin(rng: Rng, start: number): Origin {
  for (let attempt = 0; attempt < 8; attempt++) {
    const origin = ORIGIN_TABLE.pick(rng);
    if (origin.earliestArrival <= start - 14) return origin;
  }
  return FALLBACK_ORIGIN;
}

function drawGender(rng: Rng, femaleShare: number): Gender {
  const u = rng.next();
  if (u < 0.003) return 'diverse';
  if (u < 0.005) return 'unspecified';
  return rng.chance(femaleShare) ? 'female' : 'male';
}

function drawAge(rng: Rng, latent: LatentOutcomes): number {
  if (latent.apprenticeship !== null) return Math.floor(rng.triangular(18, 21, 36));
  if (latent.studies !== null) return Math.floor(rng.triangular(18, 24, 39));
  if (rng.chance(0.03)) return rng.int(65, 72);
  return Math.floor(rng.triangular(18, 29, 65));
}

export function levelBetween(rng: Rng, min: CefrLevel, max: CefrLevel): CefrLevel {
  return CEFR_LEVELS[rng.int(CEFR_LEVELS.indexOf(min), CEFR_LEVELS.indexOf(max))];
}

function drawLanguages(rng: Rng, { profile, native: nativeTable }: Origin): SyntheticLanguageSkill[] {
  const native = nativeTable.pick(rng);
  const languages: SyntheticLanguageSkill[] = [{ language: native, level: 'C2', native: true, certificate: null, certifiedOn: null }];
  for (const [language, probability, min, max] of profile.extra) {
    if (language === native || languages.some((l) => l.language === language)) continue;
    if (rng.chance(probability)) {
      languages.push({ language, level: levelBetween(rng, min, max), native: false, certificate: null, certifiedOn: null });
    }
  }
  return languages;
}

function drawResidence(rng: Rng, origin: Origin, arrival: number, ref: number): [ResidenceStatusCode, number | null] {
  let status = origin.residence.pick(rng);
  if (status === 'settlement_permit' && arrival > addMonths(ref, -36)) status = 'residence_permit_refugee';
  const validityDraw = rng.next();
  const within = (minDays: number, maxDays: number): number => ref + minDays + Math.floor(validityDraw * (maxDays - minDays));
  switch (status) {
    case 'temporary_protection':
      return [status, TEMPORARY_PROTECTION_UNTIL > ref ? TEMPORARY_PROTECTION_UNTIL : within(60, 365)];
    case 'permission_to_reside':
      return [status, within(-20, 180)];
    case 'toleration':
      return [status, within(-15, 180)];
    case 'residence_permit_humanitarian':
      return [status, within(30, 730)];
    case 'settlement_permit':
      return [status, null];
    default:
      return [status, within(30, 1095)];
  }
}

function drawArrival(rng: Rng, { profile, earliestArrival: earliest }: Origin, start: number): number {
  const lagMonths = profile.country === 'UA' ? rng.triangular(0.5, 3, 12) : rng.triangular(1, 6, 30);
  const arrival = start - Math.round(lagMonths * DAYS_PER_MONTH);
  return arrival >= earliest ? arrival : earliest + Math.floor(rng.next() * Math.max(0, start - earliest));
}

export function drawPerson(rng: Rng, start: number, referenceDay: number, latent: LatentOutcomes, emailRate: number): Person {
  const origin = pickOrigin(rng, start);
  const profile = origin.profile;
  const group = NAME_GROUPS[profile.nameGroup];
  const gender = drawGender(rng, profile.femaleShare);
  const femaleNames = gender === 'female' || (gender !== 'male' && rng.chance(0.5));
  const [firstName, firstNameOriginal] = rng.pick(femaleNames ? group.female : group.male);
  const [familyLatin, familyOriginal] = rng.pick(group.family);
  const suffix = femaleNames ? group.femaleFamilySuffix : undefined;
  const lastName = suffix ? familyLatin + suffix[0] : familyLatin;
  const lastNameOriginal = suffix ? familyOriginal + suffix[1] : familyOriginal;

  const ageAtStart = drawAge(rng, latent);
  const dateOfBirth = addMonths(start, -12 * ageAtStart) - rng.int(0, 364);
  const arrival = drawArrival(rng, origin, start);
  const [residenceStatus, validUntil] = drawResidence(rng, origin, arrival, referenceDay);
  const nationalities = rng.chance(profile.statelessShare) ? [] : [profile.country];
  const languages = drawLanguages(rng, origin);
  const household = profile.country === 'UA' && gender === 'female' ? Math.min(HOUSEHOLD_SIZES.pick(rng) + 1, 5) : HOUSEHOLD_SIZES.pick(rng);
  const phone = `${rng.pick(FICTION_PHONE_PREFIXES)}${String(rng.int(0, 999)).padStart(3, '0')}`;
  const email = rng.chance(emailRate)
    ? `${emailLocalPart(firstName)}.${emailLocalPart(lastName)}${rng.int(1, 99)}@post.example`
    : null;

  return {
    profile,
    gender,
    firstName,
    lastName,
    firstNameOriginal,
    lastNameOriginal,
    nameGroup: group.code,
    nameScript: group.script,
    dateOfBirth: isoDate(dateOfBirth),
    ageAtStart,
    nationalities,
    languages,
    residenceStatus,
    residenceValidUntil: validUntil === null ? null : isoDate(validUntil),
    arrivedOn: isoDate(arrival),
    householdMembers: household,
    phone,
    email,
  };
}
