import { ReminderKind, ReminderResponse } from '@wegweiser/shared/contracts';

/** A line as `RemindersService` selects it. */
export interface ReminderRow {
  id: string;
  kind: ReminderKind;
  client_id: string;
  case_number: string;
  first_name: string;
  last_name: string;
  due_on: string;
  appointment_at: Date | null;
  subject_title: string | null;
  weeks: number | null;
  recipient_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

export function toReminderResponse(row: ReminderRow): ReminderResponse {
  return {
    id: row.id,
    kind: row.kind,
    clientId: row.client_id,
    caseNumber: row.case_number,
    firstName: row.first_name,
    lastName: row.last_name,
    dueOn: row.due_on,
    appointmentAt: row.appointment_at ? row.appointment_at.toISOString() : null,
    subjectTitle: row.subject_title,
    weeks: row.weeks,
    recipientId: row.recipient_id,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}
