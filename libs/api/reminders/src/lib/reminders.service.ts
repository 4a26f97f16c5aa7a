import { Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { TenantContext } from '@wegweiser/api/core';
import { ERROR_CODES, REMINDER_PAGE, ReminderCountResponse, ReminderPageResponse } from '@wegweiser/shared/contracts';
import { ReminderListQueryDto } from './dto/reminder-list.dto';
import { ReminderRow, toReminderResponse } from './reminder-mapping';
import { visibleTo } from './visible-clients';

const SELECT_LINE = `
  SELECT r.id, r.kind, r.client_id, c.case_number, c.first_name, c.last_name, r.due_on::text AS due_on, r.appointment_at,
         CASE r.kind WHEN 'goal_overdue' THEN g.target WHEN 'step_overdue' THEN s.description
                     WHEN 'plan_returned' THEN pr.comment WHEN 'extension_rejected' THEN se.comment END AS subject_title,
         r.weeks, r.recipient_id, r.created_at, r.read_at
    FROM reminder r
    JOIN client c ON c.id = r.client_id
    LEFT JOIN goal g ON r.kind = 'goal_overdue' AND g.id = r.subject_id
    LEFT JOIN goal_step s ON r.kind = 'step_overdue' AND s.id = r.subject_id
    LEFT JOIN plan_review pr ON r.kind = 'plan_returned' AND pr.id = r.subject_id
    LEFT JOIN support_extension se ON r.kind = 'extension_rejected' AND se.id = r.subject_id`;

/** The reminders list, the bell's count and "mark as read", in the request's tenant transaction. */
@Injectable()
export class RemindersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
  ) {}

  /** Newest first; the read is audited (the lines name clients). */
  async list(query: ReminderListQueryDto): Promise<ReminderPageResponse> {
    const user = this.tenant.requireUser();
    const limit = query.limit ?? REMINDER_PAGE.defaultLimit;
    const offset = query.offset ?? 0;
    const scope = visibleTo(user);
    const where = `${scope.where}${query.unread ? ' AND r.read_at IS NULL' : ''}`;
    const n = scope.params.length;
    const rows: ReminderRow[] = await this.txHost.tx.query(
      `${SELECT_LINE} WHERE ${where} ORDER BY r.created_at DESC, r.due_on, r.id LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...scope.params, limit, offset],
    );
    const [count] = (await this.txHost.tx.query(`SELECT count(*)::int AS total FROM reminder r JOIN client c ON c.id = r.client_id WHERE ${where}`, scope.params)) as {
      total: number;
    }[];
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'reminder_list' });
    return { items: rows.map(toReminderResponse), total: count?.total ?? 0, limit, offset };
  }

  /** Unread reminders the user sees (no client data: not audited). */
  async count(): Promise<ReminderCountResponse> {
    const scope = visibleTo(this.tenant.requireUser());
    const [row] = (await this.txHost.tx.query(
      `SELECT count(*)::int AS unread FROM reminder r JOIN client c ON c.id = r.client_id WHERE ${scope.where} AND r.read_at IS NULL`,
      scope.params,
    )) as { unread: number }[];
    return { unread: row?.unread ?? 0 };
  }

  /** Marks one of the user's reminders read (again: no change). Someone else's: 404 and a `denied` audit row. */
  async markRead(id: string): Promise<void> {
    const scope = visibleTo(this.tenant.requireUser());
    const n = scope.params.length;
    const found = (await this.txHost.tx.query(
      `UPDATE reminder r SET read_at = coalesce(r.read_at, now()) FROM client c
        WHERE c.id = r.client_id AND r.id = $${n + 1} AND ${scope.where} RETURNING r.client_id`,
      [...scope.params, id],
    )) as [{ client_id: string }[], number];
    const clientId = found[0][0]?.client_id;
    if (!clientId) {
      await this.audit.record({ action: 'denied', outcome: 'denied', entityType: 'reminder', entityId: id, clientId: null });
      throw new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such reminder.' });
    }
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'reminder', entityId: id, clientId });
  }
}
