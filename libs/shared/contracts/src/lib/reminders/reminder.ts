/**
 * What a reminder (Erinnerung) is about. The generator creates each at most
 * once per subject and occasion (see @wegweiser/api/reminders):
 * - `window_6m` / `window_3m` / `window_1m`: the support window ends within
 *   6 (more than 3) / 3 (more than 1) / 1 month(s);
 * - `goal_overdue` / `step_overdue`: an open goal or an agreed step not done
 *   is past its due date;
 * - `appointment_tomorrow`: a conversation's next appointment is tomorrow;
 * - `no_contact`: no conversation for N weeks (since support start if never).
 */
export const GENERATED_REMINDER_KINDS = ['window_6m', 'window_3m', 'window_1m', 'goal_overdue', 'step_overdue', 'appointment_tomorrow', 'no_contact'] as const;
export type GeneratedReminderKind = (typeof GENERATED_REMINDER_KINDS)[number];

/**
 * Reminders created by a team lead's decision, for the responsible manager:
 * - `plan_returned`: the plan came back from sign-off (subject the review; the comment is its title);
 * - `extension_rejected`: the extension request was returned (subject the request; the comment is its title).
 */
export const DECISION_REMINDER_KINDS = ['plan_returned', 'extension_rejected'] as const;

export const REMINDER_KINDS = [...GENERATED_REMINDER_KINDS, ...DECISION_REMINDER_KINDS] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Paging of `GET /api/reminders`. */
export const REMINDER_PAGE = { defaultLimit: 50, maxLimit: 200 } as const;

/** `GET /api/reminders?unread=true&limit=50&offset=0`: newest first. */
export interface ReminderListQuery {
  unread?: boolean;
  limit?: number;
  offset?: number;
}

/**
 * One reminder with what a line needs. Manager: reminders of the clients
 * they are responsible for; team lead: the whole team's.
 */
export interface ReminderResponse {
  id: string;
  kind: ReminderKind;
  clientId: string;
  caseNumber: string;
  firstName: string;
  lastName: string;
  /** The day it is about: window end, due date, appointment day, last contact (or support start). */
  dueOn: string;
  /** `appointment_tomorrow` only: the appointment (ISO 8601, UTC). */
  appointmentAt: string | null;
  /** `goal_overdue`: the goal's target; `step_overdue`: the step's description; `plan_returned` / `extension_rejected`: the team lead's comment; else null. */
  subjectTitle: string | null;
  /** `no_contact`: the weeks without contact the generator was configured with; else null. */
  weeks: number | null;
  /** The responsible manager when it was created (null: no manager then). */
  recipientId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface ReminderPageResponse {
  items: ReminderResponse[];
  /** All matching the filter (for paging). */
  total: number;
  limit: number;
  offset: number;
}

/** `GET /api/reminders/count`: the unread ones the caller sees (the bell's badge). */
export interface ReminderCountResponse {
  unread: number;
}
