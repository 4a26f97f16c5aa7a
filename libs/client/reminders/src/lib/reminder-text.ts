import { ReminderResponse } from '@wegweiser/shared/contracts';

/** What a line says: a translation key (scope `reminders`, under `kind.`) and the dates it needs. */
export interface ReminderText {
  key: string;
  /** The day to show (`YYYY-MM-DD`) — window end, due date, last contact — or null. */
  date: string | null;
  /** `appointment_tomorrow`: the appointment (ISO); else null. */
  time: string | null;
  weeks: number | null;
  /** Free text to show after the sentence (goal target, step description, the team lead's comment), in its own direction. */
  title: string | null;
}

export function reminderText(reminder: ReminderResponse): ReminderText {
  const base = { date: reminder.dueOn, time: null, weeks: null, title: null };
  switch (reminder.kind) {
    case 'goal_overdue':
    case 'step_overdue':
    case 'plan_returned':
    case 'extension_rejected':
      return { ...base, key: `kind.${reminder.kind}`, title: reminder.subjectTitle };
    case 'appointment_tomorrow':
      return { ...base, key: 'kind.appointment_tomorrow', date: null, time: reminder.appointmentAt };
    case 'no_contact':
      return { ...base, key: 'kind.no_contact', weeks: reminder.weeks };
    default:
      return { ...base, key: `kind.${reminder.kind}` };
  }
}
