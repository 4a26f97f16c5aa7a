import type { Breakdown } from '../../metrics/evaluation-metrics.sql';
import { quietCohortExtras } from './cohort-extras';
import type {
  CohortOutcomes,
  EvaluationMetrics,
  MeasureCounts,
  MeasureKey,
  SoftRatingChange,
} from '../../metrics/evaluation-metrics.types';
import type { CohortGranularity } from '../../metrics/metrics-query';
import type { EvaluationReportResponse } from '@wegweiser/shared/contracts';
import { REPORT_MEASURES } from '../report-labels';
import { buildEvaluationReport } from '../report-tables';

/**
 * Test data for the report specs (not exported from the library): synthetic persons aggregated the way the SQL
 * aggregates them, so that the totals and every breakdown agree, plus a helper for hand-made counts.
 */

export type SoftFactor = SoftRatingChange['factor'];

export interface FixturePerson {
  cohort: string;
  gender: string;
  ageBand: string;
  region: string;
  /** Whole months from support start to the first outcome; absent = not reached. */
  months: Partial<Record<MeasureKey, number>>;
  goals: { field: string; state: string }[];
  soft: Partial<Record<SoftFactor, -1 | 0 | 1>>;
  closure: string | null;
  /** Kind of employment at month 12, 24 or 36 (absent: not employed then). */
  employedAt?: Partial<Record<'month12' | 'month24' | 'month36', EmploymentKind>>;
}

export type EmploymentKind = 'socialInsurance' | 'selfEmployed' | 'miniJob';

/** The employment status counts of a cohort's members at each month (those without a kind: not employed). */
function employedAtOf(members: readonly FixturePerson[]): CohortOutcomes['employedAt'] {
  const at = (month: 'month12' | 'month24' | 'month36') => {
    const count = (kind: EmploymentKind) => members.filter((p) => p.employedAt?.[month] === kind).length;
    const counts = { socialInsurance: count('socialInsurance'), selfEmployed: count('selfEmployed'), miniJob: count('miniJob') };
    return { ...counts, notEmployed: members.length - counts.socialInsurance - counts.selfEmployed - counts.miniJob };
  };
  return { month12: at('month12'), month24: at('month24'), month36: at('month36') };
}

export function measureCounts(
  within12: number,
  within24: number,
  within36: number,
  reached = within36,
): MeasureCounts {
  return { within12, within24, within36, reached };
}

/** A cohort row with the given measures and zeros for the others. */
export function cohortRow(
  cohort: string,
  clients: number,
  outcomes: Partial<Record<MeasureKey, MeasureCounts>>,
  medianMonths: CohortOutcomes['medianMonths'] = { b1: null, employment: null },
  group: string | null = null,
): CohortOutcomes {
  const all = {} as Record<MeasureKey, MeasureCounts>;
  for (const measure of REPORT_MEASURES)
    all[measure] = outcomes[measure] ?? measureCounts(0, 0, 0, 0);
  return { cohort, group, clients, outcomes: all, medianMonths, ...quietCohortExtras(clients) };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

const GROUP_OF: Record<Breakdown, (p: FixturePerson) => string> = {
  gender: (p) => p.gender,
  ageBand: (p) => p.ageBand,
  region: (p) => p.region,
  municipality: () => 'BH',
};

/** Aggregates persons like the metrics SQL does (rows only for groups that occur). */
export function personsMetrics(
  persons: readonly FixturePerson[],
  options: {
    firstCohort: string;
    lastCohort: string;
    granularity?: CohortGranularity;
    breakdown?: Breakdown | null;
    k?: number;
  },
): EvaluationMetrics {
  const breakdown = options.breakdown ?? null;
  const groupOf = (p: FixturePerson) =>
    breakdown ? GROUP_OF[breakdown](p) : null;
  const buckets = new Map<string, FixturePerson[]>();
  for (const person of persons) {
    const key = JSON.stringify([person.cohort, groupOf(person)]);
    buckets.set(key, [...(buckets.get(key) ?? []), person]);
  }
  const metrics: EvaluationMetrics = {
    granularity: options.granularity ?? 'quarter',
    firstCohort: options.firstCohort,
    lastCohort: options.lastCohort,
    breakdown,
    k: options.k ?? 5,
    cohorts: [],
    goals: [],
    softRatings: [],
    closures: [],
    observedUntil: '2030-01-01',
    caseload: { openCases: 0, managers: 0 },
  };
  for (const [key, members] of [...buckets].sort(([a], [b]) =>
    a < b ? -1 : 1,
  )) {
    const [cohort, group] = JSON.parse(key) as [string, string | null];
    const outcomes = {} as Record<MeasureKey, MeasureCounts>;
    for (const measure of REPORT_MEASURES) {
      const months = members
        .map((p) => p.months[measure])
        .filter((m): m is number => m !== undefined);
      outcomes[measure] = measureCounts(
        months.filter((m) => m < 12).length,
        months.filter((m) => m < 24).length,
        months.filter((m) => m < 36).length,
        months.length,
      );
    }
    metrics.cohorts.push({
      cohort,
      group,
      clients: members.length,
      outcomes,
      medianMonths: {
        b1: median(
          members.flatMap((p) =>
            p.months.b1 === undefined ? [] : [p.months.b1],
          ),
        ),
        employment: median(
          members.flatMap((p) =>
            p.months.employment === undefined ? [] : [p.months.employment],
          ),
        ),
      },
      ...quietCohortExtras(members.length),
      employedAt: employedAtOf(members),
    });
    const goalKeys = new Map<string, { clients: number; goals: number }>();
    for (const person of members) {
      const seen = new Set<string>();
      for (const goal of person.goals) {
        const goalKey = `${goal.field}|${goal.state}`;
        const entry = goalKeys.get(goalKey) ?? { clients: 0, goals: 0 };
        entry.goals += 1;
        if (!seen.has(goalKey)) entry.clients += 1;
        seen.add(goalKey);
        goalKeys.set(goalKey, entry);
      }
    }
    for (const [goalKey, entry] of [...goalKeys].sort(([a], [b]) =>
      a < b ? -1 : 1,
    )) {
      const [fieldOfAction, state] = goalKey.split('|');
      metrics.goals.push({ cohort, group, fieldOfAction, state, ...entry });
    }
    for (const factor of [
      'employmentQuality',
      'health',
      'socialEnvironment',
    ] as const) {
      const changes = members
        .map((p) => p.soft[factor])
        .filter((c) => c !== undefined);
      if (changes.length === 0) continue;
      metrics.softRatings.push({
        cohort,
        group,
        factor,
        improved: changes.filter((c) => c > 0).length,
        same: changes.filter((c) => c === 0).length,
        worse: changes.filter((c) => c < 0).length,
      });
    }
    const reasons = new Map<string, number>();
    for (const person of members)
      if (person.closure)
        reasons.set(person.closure, (reasons.get(person.closure) ?? 0) + 1);
    for (const [reason, clients] of [...reasons].sort(([a], [b]) =>
      a < b ? -1 : 1,
    ))
      metrics.closures.push({ cohort, group, reason, clients });
  }
  return metrics;
}

/** A small deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, values: readonly T[]): T =>
  values[Math.floor(random() * values.length)];

/** Synthetic persons: `sizes` persons per cohort, with plausible (not realistic) outcomes. */
export function randomPersons(
  seed: number,
  sizes: Record<string, number>,
): FixturePerson[] {
  const random = seededRandom(seed);
  const persons: FixturePerson[] = [];
  for (const [cohort, size] of Object.entries(sizes)) {
    for (let i = 0; i < size; i++) {
      const months: Partial<Record<MeasureKey, number>> = {};
      REPORT_MEASURES.forEach((measure, m) => {
        if (random() < (m < 2 ? 0.75 : 0.3))
          months[measure] = Math.floor(random() * 44);
      });
      persons.push({
        cohort,
        gender: pick(random, [
          'female',
          'female',
          'male',
          'male',
          'male',
          // "divers" / "keine Angabe" as the metrics publish them: assigned to female or male (published-gender.ts).
          'female',
          'male',
        ]),
        ageBand: pick(random, [
          '18_24',
          '25_34',
          '25_34',
          '35_44',
          '35_44',
          '45_plus',
        ]),
        region: pick(random, [
          'middle_east',
          'middle_east',
          'eastern_europe',
          'sub_saharan_africa',
          'south_central_asia',
          'other',
        ]),
        months,
        goals: Array.from({ length: Math.floor(random() * 4) }, () => ({
          field: pick(random, [
            'language',
            'work',
            'housing',
            'health',
            'family',
          ]),
          state: pick(random, [
            'achieved',
            'achieved',
            'not_achieved',
            'dropped',
          ]),
        })),
        soft:
          random() < 0.7
            ? {
                health: pick(random, [-1, 0, 1, 1] as const),
                socialEnvironment: pick(random, [0, 1] as const),
              }
            : {},
        closure:
          random() < 0.4
            ? pick(random, [
                'goals_reached',
                'goals_reached',
                'moved_away',
                'window_ended',
                'no_contact',
              ])
            : null,
      });
    }
  }
  return persons;
}

/** The synthetic annual report of the render specs (a cohort of 3, so some figures are "·"). */
export function sampleReport(): EvaluationReportResponse {
  const persons = randomPersons(7, {
    '2024-Q1': 60,
    '2024-Q2': 45,
    '2024-Q3': 3,
    '2024-Q4': 50,
  });
  const range = { firstCohort: '2024-Q1', lastCohort: '2024-Q4' };
  return buildEvaluationReport({
    request: {
      template: 'annualCouncil',
      from: '2024-01-01',
      to: '2024-12-31',
    },
    municipality: { code: 'BH', name: 'Beispielheim' },
    metrics: {
      total: personsMetrics(persons, range),
      byBreakdown: {
        gender: personsMetrics(persons, { ...range, breakdown: 'gender' }),
        ageBand: personsMetrics(persons, { ...range, breakdown: 'ageBand' }),
      },
    },
  });
}
