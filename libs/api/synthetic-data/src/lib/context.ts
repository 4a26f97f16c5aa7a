import { DAYS_PER_MONTH, parseIsoDate } from './dates';
import { resolveOptions, type SyntheticDataOptions, type SyntheticDataOptionsInput } from './options';
import { Rng } from './random';
import { drawLatentOutcomes, drawSupportPeriod, drawSupportStart, supportWindowEnd, type SupportSettings } from './support';
import type { SyntheticMunicipality, SyntheticOrganisation, SyntheticTeam } from './types';

export interface MunicipalitySlot {
  municipality: SyntheticMunicipality;
  /** Position of this municipality's block within one cycle of the client stream. */
  offset: number;
  /** Clients per cycle = number of managers. */
  weight: number;
  managerIds: readonly string[];
}

/** Everything that is computed once per stream and shared by all clients. */
export interface GenerationContext extends SupportSettings {
  options: SyntheticDataOptions;
  organisation: SyntheticOrganisation;
  slots: readonly MunicipalitySlot[];
  cycleLength: number;
  teamOfManager: ReadonlyMap<string, SyntheticTeam>;
  /** Mean months from support start to the last activity, for scaling conversation counts. */
  meanActivityMonths: number;
}

const CALIBRATION_SAMPLES = 4_000;

function calibrateActivityMonths(seed: number, settings: SupportSettings): number {
  const rng = Rng.for(seed, 'calibration');
  let total = 0;
  for (let i = 0; i < CALIBRATION_SAMPLES; i++) {
    const start = drawSupportStart(rng, settings);
    const windowEnd = supportWindowEnd(start);
    const latent = drawLatentOutcomes(rng, settings.rates, start, windowEnd);
    const period = drawSupportPeriod(rng, settings, start, windowEnd, latent);
    total += (period.activityEnd - period.start) / DAYS_PER_MONTH;
  }
  return Math.max(total / CALIBRATION_SAMPLES, 0.5);
}

export function createContext(input: SyntheticDataOptionsInput, organisation: SyntheticOrganisation): GenerationContext {
  const options = resolveOptions(input);
  if (organisation.seed !== options.seed) {
    throw new RangeError(`Organisation was generated with seed ${organisation.seed}, options say ${options.seed}`);
  }
  const teamOfManager = new Map<string, SyntheticTeam>();
  for (const team of organisation.teams) for (const id of team.managerIds) teamOfManager.set(id, team);

  let offset = 0;
  const slots = organisation.municipalities.map((municipality) => {
    const managerIds = organisation.teams.filter((t) => t.municipalityId === municipality.id).flatMap((t) => t.managerIds);
    if (managerIds.length === 0) throw new RangeError(`Municipality ${municipality.code} has no managers`);
    const slot: MunicipalitySlot = { municipality, offset, weight: managerIds.length, managerIds };
    offset += managerIds.length;
    return slot;
  });

  const settings: SupportSettings = {
    referenceDay: parseIsoDate(options.referenceDate),
    startWindowDays: Math.round(options.supportStartWindowMonths * DAYS_PER_MONTH),
    rates: options.rates,
  };
  return {
    ...settings,
    options,
    organisation,
    slots,
    cycleLength: offset,
    teamOfManager,
    meanActivityMonths: calibrateActivityMonths(options.seed, settings),
  };
}

/**
 * Municipality and running case number of client `index`: the stream cycles
 * through the municipalities in blocks proportional to their managers, so
 * the running number per municipality follows from the index alone.
 */
export function placeClient(context: GenerationContext, index: number): { slot: MunicipalitySlot; runningNumber: number } {
  const cycle = Math.floor(index / context.cycleLength);
  const position = index % context.cycleLength;
  let low = 0;
  let high = context.slots.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (context.slots[mid].offset <= position) low = mid;
    else high = mid - 1;
  }
  const slot = context.slots[low];
  return { slot, runningNumber: cycle * slot.weight + (position - slot.offset) + 1 };
}
