import type { ConversationForm, FieldOfAction } from '@wegweiser/shared/contracts';
import { berlinTimestamp, DAYS_PER_MONTH, toWorkdayOnOrBefore } from './dates';
import { type GermanTrajectory, germanLevelAt } from './outcomes';
import { pickDistinct } from './qualifications';
import { type Rng, WeightedTable } from './random';
import type { SupportPeriod } from './support';
import { AGREEMENTS, CLOSING_SENTENCES, INTAKE_SENTENCES, NOTE_SENTENCES } from './texts/conversation-texts';
import type { SubjectIndex } from './texts/subject';
import type { SyntheticConversation, SyntheticGoal } from './types';

export interface ConversationInput {
  period: SupportPeriod;
  referenceDay: number;
  german: GermanTrajectory;
  subject: SubjectIndex;
  goals: readonly SyntheticGoal[];
  goalCreatedDays: readonly number[];
  /** Responsible managers over time (day numbers), in order. */
  managers: readonly { staffId: string; from: number }[];
  teamManagerIds: readonly string[];
  /** Expected number of conversations for this client (before randomness). */
  expectedCount: number;
  interpreterAtA1: number;
}

const FORMS = new WeightedTable<ConversationForm>([
  ['office', 0.55],
  ['phone', 0.25],
  ['home_visit', 0.13],
  ['video', 0.07],
]);
const DURATION: Readonly<Record<ConversationForm, readonly [number, number]>> = {
  office: [30, 90],
  phone: [10, 30],
  home_visit: [45, 120],
  video: [20, 60],
};
const TOPIC_COUNTS = new WeightedTable<number>([[1, 0.45], [2, 0.4], [3, 0.15]]);
const SUBSTITUTE_SHARE = 0.03;
const FIRST_SLOT_MINUTES = 8 * 60;
const SLOTS = 32;

function slotTimestamp(day: number, slot: number): string {
  return berlinTimestamp(day, FIRST_SLOT_MINUTES + 15 * slot);
}

/** Conversation days: intake on the start day, then front-loaded over the support, all on working days. */
function conversationDays(rng: Rng, input: ConversationInput): number[] {
  const { period } = input;
  const count = Math.max(1, 1 + rng.poisson(input.expectedCount - 1));
  const span = period.activityEnd - period.start;
  const days = [period.start];
  for (let i = 1; i < count; i++) {
    const day = toWorkdayOnOrBefore(period.start + Math.floor(span * Math.pow(rng.next(), 1.25)));
    days.push(Math.max(period.start, day));
  }
  days.sort((a, b) => a - b);
  if (count > 1 && period.state === 'closed' && period.closureReason !== 'no_contact' && period.closedOn !== null) {
    days[days.length - 1] = Math.max(period.start, toWorkdayOnOrBefore(period.closedOn));
  }
  return days;
}

function staffOn(rng: Rng, input: ConversationInput, day: number): string {
  let staffId = input.managers[0].staffId;
  for (const manager of input.managers) if (manager.from <= day) staffId = manager.staffId;
  if (input.teamManagerIds.length > 1 && rng.chance(SUBSTITUTE_SHARE)) {
    const colleague = rng.pick(input.teamManagerIds);
    if (colleague !== staffId) return colleague;
  }
  return staffId;
}

function topicsOn(rng: Rng, input: ConversationInput, day: number, intake: boolean): FieldOfAction[] {
  const available: FieldOfAction[] = [];
  input.goals.forEach((goal, i) => {
    if (input.goalCreatedDays[i] <= day + 14 && !available.includes(goal.fieldOfAction)) available.push(goal.fieldOfAction);
  });
  if (available.length === 0) available.push('language');
  if (intake) return ['language', ...pickDistinct(rng, available.filter((f) => f !== 'language'), rng.int(1, 2))];
  return pickDistinct(rng, available, TOPIC_COUNTS.pick(rng));
}

function interpreterChance(input: ConversationInput, day: number, form: ConversationForm): number {
  const level = germanLevelAt(input.german, day);
  const base = level === 'A1' ? input.interpreterAtA1 : level === 'A2' ? input.interpreterAtA1 / 2 : 0.02;
  return form === 'phone' ? base * 0.3 : base;
}

export function drawConversations(rng: Rng, input: ConversationInput): SyntheticConversation[] {
  const days = conversationDays(rng, input);
  const last = days.length - 1;
  const closing = last > 0 && input.period.state === 'closed' && input.period.closureReason !== 'no_contact';
  // One 15-minute slot per conversation; sorting day*SLOTS+slot keeps same-day conversations in order.
  const moments = days.map((day) => day * SLOTS + rng.int(0, SLOTS - 1)).sort((a, b) => a - b);
  const heldAt = moments.map((moment) => slotTimestamp(Math.floor(moment / SLOTS), moment % SLOTS));

  return days.map((day, i): SyntheticConversation => {
    const intake = i === 0;
    const form = intake ? 'office' : FORMS.pick(rng);
    const [minMinutes, maxMinutes] = intake ? [60, 120] : DURATION[form];
    const topics = topicsOn(rng, input, day, intake);
    const sentences = topics.map((topic) => rng.pick(NOTE_SENTENCES[topic][input.subject]));
    if (intake) sentences.unshift(rng.pick(INTAKE_SENTENCES[input.subject]));
    else if (closing && i === last) sentences.unshift(rng.pick(CLOSING_SENTENCES[input.subject]));

    let nextAppointmentAt: string | null = null;
    if (i < last) {
      if (rng.chance(0.65) && heldAt[i + 1] > heldAt[i]) nextAppointmentAt = heldAt[i + 1];
    } else if (input.period.state === 'active' && rng.chance(0.7)) {
      const nextDay = toWorkdayOnOrBefore(input.referenceDay + rng.int(3, 35));
      nextAppointmentAt = slotTimestamp(Math.max(nextDay, day + 1), rng.int(0, SLOTS - 1));
    }

    return {
      id: rng.uuid(),
      staffId: staffOn(rng, input, day),
      heldAt: heldAt[i],
      durationMinutes: 5 * rng.int(minMinutes / 5, maxMinutes / 5),
      form,
      interpreter: rng.chance(interpreterChance(input, day, form)),
      topics,
      note: sentences.join(' '),
      agreements: rng.chance(0.45) ? rng.pick(AGREEMENTS[topics[0]]) : null,
      nextAppointmentAt,
    };
  });
}

/** Expected conversation count for a client, scaled by how long the support has run so far. */
export function expectedConversations(period: SupportPeriod, average: number, meanActivityMonths: number): number {
  return (average * ((period.activityEnd - period.start) / DAYS_PER_MONTH)) / meanActivityMonths;
}

