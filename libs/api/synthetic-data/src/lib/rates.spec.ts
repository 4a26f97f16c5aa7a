import { generateClients } from './client';
import { addMonths, isoDate, parseIsoDate } from './dates';
import { resolveOptions, type SyntheticDataOptionsInput } from './options';
import { generateOrganisation } from './organisation';
import type { SyntheticClient } from './types';

function sample(input: SyntheticDataOptionsInput): SyntheticClient[] {
  const options = resolveOptions(input);
  return [...generateClients(options, generateOrganisation(options))];
}

/**
 * The evaluation's view: among clients whose 36-month window has ended by the
 * reference date, the share who reached an outcome within 36 months.
 */
function shares(clients: SyntheticClient[], referenceDate = '2026-11-01') {
  const matured = clients.filter((c) => isoDate(addMonths(parseIsoDate(c.support.startedOn), 36)) <= referenceDate);
  const share = (has: (c: SyntheticClient) => boolean): number => matured.filter(has).length / matured.length;
  return {
    matured: matured.length,
    b1: share((c) => c.outcomes.b1ReachedOn !== null && c.outcomes.b1ReachedOn <= c.support.windowEndsOn),
    employment: share((c) => c.outcomes.employment !== null && c.outcomes.employment.startedOn <= c.support.windowEndsOn),
    apprenticeship: share((c) => c.outcomes.apprenticeshipStartedOn !== null),
    studies: share((c) => c.outcomes.studiesStartedOn !== null),
  };
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

describe('configured rates and averages', () => {
  const defaults = sample({ seed: 2026, clients: 3_000 });

  it('reproduce the default outcome rates for cohorts whose window has ended', () => {
    const observed = shares(defaults);
    expect(observed.matured).toBeGreaterThan(600);
    expect(Math.abs(observed.b1 - 0.45)).toBeLessThan(0.06);
    expect(Math.abs(observed.employment - 0.4)).toBeLessThan(0.06);
    expect(Math.abs(observed.apprenticeship - 0.12)).toBeLessThan(0.04);
    expect(Math.abs(observed.studies - 0.05)).toBeLessThan(0.03);
  });

  it('show fewer outcomes for recent starts, whose time is not up yet', () => {
    const recent = defaults.filter((c) => c.support.startedOn > '2025-11-01');
    expect(mean(recent.map((c) => (c.outcomes.b1ReachedOn ? 1 : 0)))).toBeLessThan(0.25);
  });

  it('follow a changed rate option', () => {
    const low = shares(sample({ seed: 2026, clients: 3_000, rates: { b1Within36Months: 0.2, employmentWithin36Months: 0.6 } }));
    const high = shares(sample({ seed: 2026, clients: 3_000, rates: { b1Within36Months: 0.7, employmentWithin36Months: 0.15 } }));
    expect(Math.abs(low.b1 - 0.2)).toBeLessThan(0.06);
    expect(Math.abs(high.b1 - 0.7)).toBeLessThan(0.06);
    expect(Math.abs(low.employment - 0.6)).toBeLessThan(0.06);
    expect(Math.abs(high.employment - 0.15)).toBeLessThan(0.06);
  });

  it('make outcomes go together through the shared progress factor', () => {
    const matured = defaults.filter((c) => c.support.windowEndsOn <= '2026-11-01');
    const employedShare = (group: SyntheticClient[]): number => mean(group.map((c) => (c.outcomes.employment ? 1 : 0)));
    const withB1 = matured.filter((c) => c.outcomes.b1ReachedOn !== null);
    const withoutB1 = matured.filter((c) => c.outcomes.b1ReachedOn === null);
    expect(employedShare(withB1)).toBeGreaterThan(employedShare(withoutB1) + 0.1);
  });

  it('average about 20 conversations, 6 goals and 2 steps per goal by default', () => {
    expect(Math.abs(mean(defaults.map((c) => c.conversations.length)) - 20)).toBeLessThan(1.5);
    expect(Math.abs(mean(defaults.map((c) => c.goals.length)) - 6)).toBeLessThan(0.2);
    const goals = defaults.flatMap((c) => c.goals);
    expect(Math.abs(mean(goals.map((g) => g.steps.length)) - 2)).toBeLessThan(0.1);
  });

  it('follow changed averages', () => {
    const clients = sample({ seed: 2026, clients: 1_000, averages: { conversationsPerClient: 8, goalsPerClient: 4, stepsPerGoal: 3 } });
    expect(Math.abs(mean(clients.map((c) => c.conversations.length)) - 8)).toBeLessThan(1);
    expect(Math.abs(mean(clients.map((c) => c.goals.length)) - 4)).toBeLessThan(0.2);
    expect(Math.abs(mean(clients.flatMap((c) => c.goals).map((g) => g.steps.length)) - 3)).toBeLessThan(0.15);
  });

  it('give each manager an active caseload of about 150', () => {
    const organisation = generateOrganisation({ seed: 2026, clients: 3_000 });
    const managers = organisation.staff.filter((s) => s.role === 'manager').length;
    const running = defaults.filter((c) => c.support.state !== 'closed').length;
    expect(running / managers).toBeGreaterThan(120);
    expect(running / managers).toBeLessThan(180);
  });

  it('close the ended windows and keep a plausible mix of reasons', () => {
    const closed = defaults.filter((c) => c.support.state === 'closed');
    const reasons = new Set(closed.map((c) => c.support.closureReason));
    expect(reasons).toEqual(new Set(['window_ended', 'moved_away', 'no_contact', 'declined', 'goals_reached', 'other']));
    const early = closed.filter((c) => c.support.closureReason !== 'window_ended').length / defaults.length;
    expect(early).toBeGreaterThan(0.05);
    expect(early).toBeLessThan(0.18);
  });
});
