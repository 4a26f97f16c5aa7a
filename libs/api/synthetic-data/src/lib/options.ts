import { parseIsoDate } from './dates';

/**
 * Probabilities that shape the data. Outcome rates are defined the way the
 * evaluation reads them: the share of clients whose support started at least
 * 36 months before the reference date and who reached the outcome within 36
 * months of their support start.
 */
export interface SyntheticRates {
  b1Within36Months: number;
  employmentWithin36Months: number;
  apprenticeshipWithin36Months: number;
  /** Apprenticeship and studies are exclusive: their sum must not exceed 1. */
  studiesWithin36Months: number;
  /** 0 = outcomes independent, 1 = fully driven by one latent "progress" factor. */
  outcomeCorrelation: number;
  /** Supports that end before the 36-month window (moved away, no contact, declined, goals reached, other). */
  earlyClosure: number;
  /** Running supports that are currently paused. */
  paused: number;
  /** Clients who changed their responsible manager once (within the same team). */
  managerChange: number;
  privateFlat: number;
  clientEmail: number;
  /** Interpreter present at an in-person conversation while the client's German is at A1. */
  interpreterAtA1: number;
  /** A2 reached during support and certified (e.g. DTZ A2). */
  germanCertificateAtA2: number;
}

export interface SyntheticAverages {
  /** Mean number of conversations per client over the support so far. */
  conversationsPerClient: number;
  /** Mean goals per client; every client has between 3 and 8. */
  goalsPerClient: number;
  /** Mean agreed steps per goal; every goal has between 1 and 4. */
  stepsPerGoal: number;
  /** Months between two soft ratings. */
  ratingIntervalMonths: number;
}

export interface SyntheticDataOptions {
  /** Integer seed: same seed and options give the same data. */
  seed: number;
  /** `YYYY-MM-DD`; every date is computed from it, never from the clock. */
  referenceDate: string;
  clients: number;
  municipalities: number;
  /** Clients on record (including closed cases) per manager; about 150 of them are in active support. */
  clientsPerManager: number;
  /** Explicit number of managers; null = derived from `clients / clientsPerManager`. */
  managers: number | null;
  managersPerTeam: number;
  /** Support starts are spread over this many months before the reference date. */
  supportStartWindowMonths: number;
  averages: SyntheticAverages;
  rates: SyntheticRates;
}

export type SyntheticDataOptionsInput = Partial<Omit<SyntheticDataOptions, 'averages' | 'rates'>> & {
  averages?: Partial<SyntheticAverages>;
  rates?: Partial<SyntheticRates>;
};

export const DEFAULT_RATES: Readonly<SyntheticRates> = {
  b1Within36Months: 0.45,
  employmentWithin36Months: 0.4,
  apprenticeshipWithin36Months: 0.12,
  studiesWithin36Months: 0.05,
  outcomeCorrelation: 0.5,
  earlyClosure: 0.18,
  paused: 0.04,
  managerChange: 0.08,
  privateFlat: 0.45,
  clientEmail: 0.55,
  interpreterAtA1: 0.5,
  germanCertificateAtA2: 0.5,
};

export const DEFAULT_AVERAGES: Readonly<SyntheticAverages> = {
  conversationsPerClient: 20,
  goalsPerClient: 6,
  stepsPerGoal: 2,
  ratingIntervalMonths: 6,
};

export const DEFAULT_OPTIONS: Readonly<SyntheticDataOptions> = {
  seed: 1,
  referenceDate: '2026-11-01',
  clients: 1_200,
  municipalities: 2,
  clientsPerManager: 210,
  managers: null,
  managersPerTeam: 10,
  supportStartWindowMonths: 48,
  averages: DEFAULT_AVERAGES,
  rates: DEFAULT_RATES,
};

export const GOALS_PER_CLIENT_RANGE = { min: 3, max: 8 } as const;
export const STEPS_PER_GOAL_RANGE = { min: 1, max: 4 } as const;

function requireInteger(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`Option ${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
}

function requireNumber(name: string, value: number, min: number, max: number): void {
  if (typeof value !== 'number' || Number.isNaN(value) || value < min || value > max) {
    throw new RangeError(`Option ${name} must be a number in [${min}, ${max}], got ${value}`);
  }
}

/** Fills in defaults and validates; throws RangeError naming the bad option. */
export function resolveOptions(input: SyntheticDataOptionsInput = {}): SyntheticDataOptions {
  const options: SyntheticDataOptions = {
    ...DEFAULT_OPTIONS,
    ...input,
    averages: { ...DEFAULT_AVERAGES, ...input.averages },
    rates: { ...DEFAULT_RATES, ...input.rates },
  };
  requireInteger('seed', options.seed, -0x80000000, 0xffffffff);
  parseIsoDate(options.referenceDate);
  requireInteger('clients', options.clients, 0);
  requireInteger('municipalities', options.municipalities, 1, 1_000);
  requireNumber('clientsPerManager', options.clientsPerManager, 1, 10_000);
  if (options.managers !== null) requireInteger('managers', options.managers, 2 * options.municipalities);
  requireInteger('managersPerTeam', options.managersPerTeam, 2, 1_000);
  requireInteger('supportStartWindowMonths', options.supportStartWindowMonths, 1, 120);
  const { averages, rates } = options;
  requireNumber('averages.conversationsPerClient', averages.conversationsPerClient, 1, 500);
  requireNumber('averages.goalsPerClient', averages.goalsPerClient, GOALS_PER_CLIENT_RANGE.min, GOALS_PER_CLIENT_RANGE.max);
  requireNumber('averages.stepsPerGoal', averages.stepsPerGoal, STEPS_PER_GOAL_RANGE.min, STEPS_PER_GOAL_RANGE.max);
  requireInteger('averages.ratingIntervalMonths', averages.ratingIntervalMonths, 1, 36);
  for (const [name, value] of Object.entries(rates)) requireNumber(`rates.${name}`, value, 0, 1);
  if (rates.apprenticeshipWithin36Months + rates.studiesWithin36Months > 1) {
    throw new RangeError('rates.apprenticeshipWithin36Months + rates.studiesWithin36Months must not exceed 1');
  }
  return options;
}
