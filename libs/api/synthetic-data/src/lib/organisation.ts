import type { Role } from '@wegweiser/shared/contracts';
import { emailLocalPart } from './email';
import { GERMAN_FAMILY_NAMES, GERMAN_FEMALE_NAMES, GERMAN_MALE_NAMES, NAME_GROUPS } from './names';
import { resolveOptions, type SyntheticDataOptions, type SyntheticDataOptionsInput } from './options';
import { Rng, stableUuid } from './random';
import type { SyntheticMunicipality, SyntheticOrganisation, SyntheticStaff, SyntheticTeam } from './types';

/** Fictional towns; beyond the list, names and codes get a number. */
const MUNICIPALITY_NAMES: readonly (readonly [name: string, code: string])[] = [
  ['Musterstadt', 'MS'], ['Beispielheim', 'BH'], ['Fiktivhausen', 'FH'], ['Exempelburg', 'EB'],
  ['Modellhagen', 'MH'], ['Probenfeld', 'PF'], ['Schablonberg', 'SB'], ['Entwurfstedt', 'ES'],
  ['Vorlagenau', 'VA'], ['Skizzenbach', 'SK'], ['Platzhalterdorf', 'PD'], ['Annahmebrück', 'AB'],
];

const TEAM_NAMES: readonly string[] = ['Nord', 'Süd', 'Ost', 'West', 'Mitte', 'Innenstadt', 'Altstadt', 'Hafen', 'Bahnhof', 'Talaue'];

/** Share of staff whose names come from the clients' name groups (colleagues with a migration history). */
const STAFF_MIGRATION_NAME_SHARE = 0.15;

export interface OrganisationSize {
  managers: number;
  /** Managers per municipality. */
  managersByMunicipality: number[];
  /** Team sizes (managers) per municipality. */
  teamSizesByMunicipality: number[][];
}

/** How many managers and teams the options imply (without generating anyone). */
export function organisationSize(input: SyntheticDataOptionsInput = {}): OrganisationSize {
  const options = resolveOptions(input);
  const minimum = options.municipalities * 2 * 2;
  const managers = options.managers ?? Math.max(minimum, Math.ceil(options.clients / options.clientsPerManager));
  const managersByMunicipality = spread(managers, options.municipalities);
  const teamSizesByMunicipality = managersByMunicipality.map((count) => {
    const teams = Math.max(Math.min(2, Math.floor(count / 2)), Math.ceil(count / options.managersPerTeam));
    return spread(count, teams);
  });
  return { managers, managersByMunicipality, teamSizesByMunicipality };
}

/** Splits `total` into `parts` near-equal integers, the larger ones first. */
function spread(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => base + (i < total % parts ? 1 : 0));
}

function municipalityAt(index: number): [name: string, code: string] {
  const [name, code] = MUNICIPALITY_NAMES[index % MUNICIPALITY_NAMES.length];
  const round = Math.floor(index / MUNICIPALITY_NAMES.length);
  return round === 0 ? [name, code] : [`${name} ${round + 1}`, `${code}${round + 1}`];
}

function teamName(index: number): string {
  return index < TEAM_NAMES.length ? `Team ${TEAM_NAMES[index]}` : `Team ${index + 1}`;
}

class StaffFactory {
  private readonly usedEmails = new Set<string>();
  private readonly staff: SyntheticStaff[] = [];
  private readonly migrationGroups = Object.values(NAME_GROUPS);

  constructor(
    private readonly rng: Rng,
    private readonly seed: number,
  ) {}

  create(municipality: SyntheticMunicipality, teamId: string | null, role: Role): SyntheticStaff {
    const [firstName, lastName] = this.name();
    const domain = `${municipality.code.toLowerCase()}.wegweiser.example`;
    const local = `${emailLocalPart(firstName)}.${emailLocalPart(lastName)}`;
    let email = `${local}@${domain}`;
    for (let n = 2; this.usedEmails.has(email); n++) email = `${local}${n}@${domain}`;
    this.usedEmails.add(email);
    const member: SyntheticStaff = {
      id: stableUuid(this.seed, 'staff', this.staff.length),
      municipalityId: municipality.id,
      teamId,
      role,
      firstName,
      lastName,
      email,
    };
    this.staff.push(member);
    return member;
  }

  all(): SyntheticStaff[] {
    return this.staff;
  }

  private name(): [string, string] {
    const female = this.rng.chance(0.7);
    if (this.rng.chance(STAFF_MIGRATION_NAME_SHARE)) {
      const group = this.rng.pick(this.migrationGroups);
      const first = this.rng.pick(female ? group.female : group.male)[0];
      const [family] = this.rng.pick(group.family);
      const suffix = female && group.femaleFamilySuffix ? group.femaleFamilySuffix[0] : '';
      return [first, family + suffix];
    }
    return [this.rng.pick(female ? GERMAN_FEMALE_NAMES : GERMAN_MALE_NAMES), this.rng.pick(GERMAN_FAMILY_NAMES)];
  }
}

/**
 * Municipalities with teams of managers (one team lead each), plus one
 * admin, one evaluator and one data-protection officer per municipality
 * (tenants never share staff). Sized from the client count.
 */
export function generateOrganisation(input: SyntheticDataOptionsInput = {}): SyntheticOrganisation {
  const options: SyntheticDataOptions = resolveOptions(input);
  const size = organisationSize(options);
  const rng = Rng.for(options.seed, 'organisation');
  const factory = new StaffFactory(rng, options.seed);
  const municipalities: SyntheticMunicipality[] = [];
  const teams: SyntheticTeam[] = [];

  size.teamSizesByMunicipality.forEach((teamSizes, m) => {
    const [name, code] = municipalityAt(m);
    const municipality: SyntheticMunicipality = { id: stableUuid(options.seed, 'municipality', m), code, name };
    municipalities.push(municipality);
    factory.create(municipality, null, 'admin');
    factory.create(municipality, null, 'evaluator');
    factory.create(municipality, null, 'dpo');
    teamSizes.forEach((managerCount, t) => {
      const teamId = stableUuid(options.seed, 'team', m, t);
      const lead = factory.create(municipality, teamId, 'team_lead');
      const managerIds = Array.from({ length: managerCount }, () => factory.create(municipality, teamId, 'manager').id);
      teams.push({ id: teamId, municipalityId: municipality.id, name: teamName(t), leadId: lead.id, managerIds });
    });
  });

  return { seed: options.seed, municipalities, teams, staff: factory.all() };
}
