/**
 * `GET /api/today`: the manager's start page ("Heute"), for the caller's
 * clients (a manager: those they are responsible for; a team lead: the
 * team's). Each line names its client so the page can link into the file.
 */
export interface TodayClientRef {
  clientId: string;
  caseNumber: string;
  firstName: string;
  lastName: string;
}

/** A conversation's next appointment (ISO 8601, UTC) between today and the end of the next 7 days (Germany). */
export interface TodayAppointment extends TodayClientRef {
  /** The conversation that named the appointment (for the .ics download). */
  conversationId: string;
  appointmentAt: string;
}

/** An agreed step not done, of an open or in-progress goal, due today or earlier. */
export interface TodayStep extends TodayClientRef {
  stepId: string;
  description: string;
  goalTarget: string;
  dueOn: string;
}

/** An active client without contact for N weeks (last contact, or support start if never). */
export interface TodayNoContact extends TodayClientRef {
  /** The last conversation's day; null: never contacted. */
  lastContactOn: string | null;
  /** Support start (the reference when never contacted). */
  supportStart: string;
}

/** A list cut to its first lines, with how many there are in all. */
export interface TodayList<T> {
  items: T[];
  total: number;
}

export interface TodayResponse {
  /** Today in Germany (`YYYY-MM-DD`). */
  today: string;
  /** The last day of the appointments shown (today + 7 days). */
  until: string;
  /** The N of "no contact for N weeks". */
  noContactWeeks: number;
  appointments: TodayList<TodayAppointment>;
  steps: TodayList<TodayStep>;
  noContact: TodayList<TodayNoContact>;
}

/** How many lines each list of the Heute page shows at most, and how many days ahead the appointments reach. */
export const TODAY_LIMITS = { lines: 25, appointmentDays: 7 } as const;
