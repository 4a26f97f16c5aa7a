import { TodayAppointment, TodayClientRef, TodayList, TodayNoContact, TodayStep } from '@wegweiser/shared/contracts';

interface ClientColumns {
  client_id: string;
  case_number: string;
  first_name: string;
  last_name: string;
  /** All lines matching (window function), the same on every row. */
  total: number;
}

export interface AppointmentRow extends ClientColumns {
  conversation_id: string;
  next_appointment_at: Date;
}

export interface StepRow extends ClientColumns {
  step_id: string;
  description: string;
  goal_target: string;
  due_on: string;
}

export interface NoContactRow extends ClientColumns {
  last_contact_on: string | null;
  support_start: string;
}

function clientRef(row: ClientColumns): TodayClientRef {
  return { clientId: row.client_id, caseNumber: row.case_number, firstName: row.first_name, lastName: row.last_name };
}

export function toAppointment(row: AppointmentRow): TodayAppointment {
  return { ...clientRef(row), conversationId: row.conversation_id, appointmentAt: row.next_appointment_at.toISOString() };
}

export function toStep(row: StepRow): TodayStep {
  return { ...clientRef(row), stepId: row.step_id, description: row.description, goalTarget: row.goal_target, dueOn: row.due_on };
}

export function toNoContact(row: NoContactRow): TodayNoContact {
  return { ...clientRef(row), lastContactOn: row.last_contact_on, supportStart: row.support_start };
}

/** The first lines and, from the window count, how many there are in all (0 when none). */
export function toList<R extends ClientColumns, T>(rows: R[], map: (row: R) => T): TodayList<T> {
  return { items: rows.map(map), total: rows[0]?.total ?? 0 };
}
