import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { APP_CONFIG, AppConfig, CALENDAR_TIME_ZONE, calendarToday, TenantContext } from '@wegweiser/api/core';
import { ERROR_CODES, TODAY_LIMITS, TodayResponse } from '@wegweiser/shared/contracts';
import { visibleTo } from '../visible-clients';
import { buildIcs } from './ics';
import { AppointmentRow, NoContactRow, StepRow, toAppointment, toList, toNoContact, toStep } from './today-mapping';

/** How long an appointment lasts in the calendar file (a conversation's usual length; the API stores no end). */
export const ICS_APPOINTMENT_MINUTES = 60;

/** `YYYY-MM-DD` + days (civil dates, no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const CLIENT_COLUMNS = 'c.id AS client_id, c.case_number, c.first_name, c.last_name';

/**
 * The start page's lists for the caller's clients (the scope is part of every
 * query), in the request's tenant transaction; and one appointment as an
 * iCalendar file.
 */
@Injectable()
export class TodayService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Appointments of today and the next 7 days, steps due or overdue, clients without contact for N weeks. Audited (names clients). */
  async today(now: Date = new Date()): Promise<TodayResponse> {
    const scope = visibleTo(this.tenant.requireUser());
    const n = scope.params.length;
    const today = calendarToday(now);
    const weeks = this.config.REMINDER_NO_CONTACT_WEEKS;
    const limit = TODAY_LIMITS.lines;
    const appointments: AppointmentRow[] = await this.txHost.tx.query(
      `SELECT a.*, count(*) OVER ()::int AS total FROM (
         SELECT DISTINCT ON (c.id, v.next_appointment_at) v.id AS conversation_id, v.next_appointment_at, ${CLIENT_COLUMNS}
           FROM conversation v JOIN client c ON c.id = v.client_id
          WHERE ${scope.where} AND c.support_state <> 'closed'
            AND (v.next_appointment_at AT TIME ZONE '${CALENDAR_TIME_ZONE}')::date BETWEEN $${n + 1}::date AND $${n + 1}::date + $${n + 2}::int
          ORDER BY c.id, v.next_appointment_at, v.held_at DESC, v.id
       ) a ORDER BY a.next_appointment_at, a.case_number LIMIT $${n + 3}`,
      [...scope.params, today, TODAY_LIMITS.appointmentDays, limit],
    );
    const steps: StepRow[] = await this.txHost.tx.query(
      `SELECT s.id AS step_id, s.description, g.target AS goal_target, s.due_on::text AS due_on, ${CLIENT_COLUMNS}, count(*) OVER ()::int AS total
         FROM goal_step s JOIN goal g ON g.id = s.goal_id JOIN client c ON c.id = g.client_id
        WHERE ${scope.where} AND c.support_state = 'active' AND g.state IN ('open', 'in_progress') AND s.done_on IS NULL AND s.due_on <= $${n + 1}::date
        ORDER BY s.due_on DESC, c.case_number, s.id LIMIT $${n + 2}`,
      [...scope.params, today, limit],
    );
    const noContact: NoContactRow[] = await this.txHost.tx.query(
      `SELECT c.last_contact_on::text AS last_contact_on, c.support_start::text AS support_start, ${CLIENT_COLUMNS}, count(*) OVER ()::int AS total
         FROM client c
        WHERE ${scope.where} AND c.support_state = 'active' AND coalesce(c.last_contact_on, c.support_start) < $${n + 1}::date - 7 * $${n + 2}::int
        ORDER BY coalesce(c.last_contact_on, c.support_start), c.case_number LIMIT $${n + 3}`,
      [...scope.params, today, weeks, limit],
    );
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'today' });
    return {
      today,
      until: addDays(today, TODAY_LIMITS.appointmentDays),
      noContactWeeks: weeks,
      appointments: toList(appointments, toAppointment),
      steps: toList(steps, toStep),
      noContact: toList(noContact, toNoContact),
    };
  }

  /**
   * The next appointment a conversation names, as an .ics file. Only the case
   * number goes into it (an office calendar is shared and synced further than
   * the file is). Someone else's conversation, or one without an appointment:
   * 404 and a `denied` audit row.
   */
  async appointmentIcs(conversationId: string, now: Date = new Date()): Promise<string> {
    const scope = visibleTo(this.tenant.requireUser());
    const n = scope.params.length;
    const [row] = (await this.txHost.tx.query(
      `SELECT v.next_appointment_at, c.id AS client_id, c.case_number
         FROM conversation v JOIN client c ON c.id = v.client_id
        WHERE v.id = $${n + 1} AND v.next_appointment_at IS NOT NULL AND ${scope.where}`,
      [...scope.params, conversationId],
    )) as { next_appointment_at: Date; client_id: string; case_number: string }[];
    if (!row) {
      await this.audit.record({ action: 'denied', outcome: 'denied', entityType: 'appointment', entityId: conversationId, clientId: null });
      throw new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such appointment.' });
    }
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'appointment', entityId: conversationId, clientId: row.client_id });
    const start = row.next_appointment_at;
    return buildIcs({
      uid: `${conversationId}-${start.getTime()}@wegweiser`,
      start,
      durationMinutes: ICS_APPOINTMENT_MINUTES,
      summary: `Termin Wegweiser ${row.case_number}`,
      description: `Gespräch mit Klient:in ${row.case_number} (Name und Akte in Wegweiser).`,
      stamp: now,
    });
  }
}
