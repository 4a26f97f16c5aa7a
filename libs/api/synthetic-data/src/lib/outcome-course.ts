import { CEFR_LEVELS } from '@wegweiser/shared/contracts';
import { addMonths, isoDate, parseIsoDate } from './dates';
import type { Rng } from './random';
import type { SupportPeriod } from './support';
import { GERMAN_CERTIFICATES } from './texts/qualification-texts';
import type { SyntheticLanguageSkill, SyntheticOutcomes } from './types';

/** Share of clients without B1 during support who arrive with a B1 certificate (their language goal then aims at B2). */
const B1_AT_START = 0.08;

/** How an outcome ends: the day (never after the last activity in the file) and, for training, with or without the qualification. */
interface Ending {
  day: number;
  completed: boolean;
}

/**
 * What happens after an outcome started, drawn from a stream of its own (so the rest of the client stays as it was):
 * some clients arrive with B1 ("bei Beginn vorhanden", dated before the support start); jobs end now and then (a
 * one-month self-employment, a short mini-job); apprenticeships and studies end completed or broken off. No date lies
 * after the last activity in the file (which is never after the reference date), so nothing is in the future.
 */
export function drawOutcomeCourse(
  rng: Rng,
  outcomes: SyntheticOutcomes,
  period: SupportPeriod,
): SyntheticOutcomes {
  const seen = (ending: Ending): Ending | null => (ending.day <= period.activityEnd ? ending : null);
  const arrivesWithB1 = outcomes.b1ReachedOn === null && rng.chance(B1_AT_START);
  const b1PresentAtStart = arrivesWithB1 ? isoDate(period.start - rng.int(30, 720)) : null;

  let employment = outcomes.employment;
  if (employment) {
    const start = parseIsoDate(employment.startedOn);
    const ending =
      employment.kind === 'self_employed' && rng.chance(0.4)
        ? start + rng.int(25, 35)
        : employment.kind === 'mini_job' && rng.chance(0.3)
          ? addMonths(start, rng.int(2, 8))
          : employment.kind === 'social_insurance' && rng.chance(0.15)
            ? addMonths(start, rng.int(3, 14))
            : null;
    const ended = ending === null ? null : seen({ day: ending, completed: false });
    employment = { ...employment, endedOn: ended ? isoDate(ended.day) : null };
  }
  const training = (startedOn: string | null, breakOff: number, months: readonly [number, number], dropout: readonly [number, number]) => {
    if (startedOn === null) return null;
    const start = parseIsoDate(startedOn);
    const broken = rng.chance(breakOff);
    const day = broken ? addMonths(start, rng.int(dropout[0], dropout[1])) : addMonths(start, rng.int(months[0], months[1])) - 1;
    const ended = seen({ day, completed: !broken });
    return ended ? { endedOn: isoDate(ended.day), completed: ended.completed } : null;
  };
  return {
    ...outcomes,
    b1PresentAtStart,
    employment,
    apprenticeshipEnd: training(outcomes.apprenticeshipStartedOn, 0.25, [24, 42], [2, 14]),
    studiesEnd: training(outcomes.studiesStartedOn, 0.3, [36, 42], [4, 18]),
  };
}

/** German of a client who arrived with B1: at least B1, with the certificate of that day when none higher is recorded. */
export function germanWithB1AtStart(rng: Rng, german: SyntheticLanguageSkill, b1PresentAtStart: string | null): SyntheticLanguageSkill {
  if (b1PresentAtStart === null || CEFR_LEVELS.indexOf(german.level) > CEFR_LEVELS.indexOf('B1')) return german;
  return { ...german, level: 'B1', certificate: rng.pick(GERMAN_CERTIFICATES.B1), certifiedOn: b1PresentAtStart };
}
