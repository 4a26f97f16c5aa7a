import { BadRequestException } from '@nestjs/common';
import { calendarToday, isCalendarDate } from '@wegweiser/api/core';
import { escapeLike, searchTerms } from '@wegweiser/api/database';
import { CLIENT_FIELD_CODES, ClientSort, ERROR_CODES, FIELDS_OF_ACTION, FieldOfAction } from '@wegweiser/shared/contracts';
import { Brackets, SelectQueryBuilder } from 'typeorm';
import { ClientEntity } from './client.entity';
import { ClientListQueryDto } from './dto/client-list.dto';

/** Last contact of a client never contacted, in the keyset (sorts before every day). */
export const NEVER = '-infinity';

interface SortColumn {
  /** SQL of the column (alias `c`); the indexes of migration AddClientLastContact match these expressions. */
  sql: string;
  /** Type of the cursor value in SQL. */
  type: 'date' | 'text';
  /** The row's value, as it goes into the cursor. */
  of: (c: ClientEntity) => string;
}

const NAME: SortColumn = { sql: 'c.sort_key', type: 'text', of: (c) => c.sortKey };

/** Each order ends with the name's sort key, then id: a total order, so keyset pages have no gaps or duplicates. */
const SORT_COLUMNS: Record<ClientSort, SortColumn[]> = {
  name: [NAME],
  windowEnd: [{ sql: 'c.support_window_end', type: 'date', of: (c) => c.supportWindowEnd }, NAME],
  lastContact: [{ sql: `COALESCE(c.last_contact_on, CAST('${NEVER}' AS date))`, type: 'date', of: (c) => c.lastContactOn ?? NEVER }, NAME],
};

/** The position after the last row of a page: the sort it belongs to, the row's sort values and id. */
export interface ListCursor {
  sort: ClientSort;
  keys: string[];
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The cursor after `row` in `sort`. */
export function cursorAfter(sort: ClientSort, row: ClientEntity): ListCursor {
  return { sort, keys: SORT_COLUMNS[sort].map((column) => column.of(row)), id: row.id };
}

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, ...cursor.keys, cursor.id]), 'utf8').toString('base64url');
}

function validKey(column: SortColumn, value: unknown): value is string {
  if (typeof value !== 'string') return false;
  return column.type === 'text' || isCalendarDate(value) || (value === NEVER && column.sql.includes(NEVER));
}

/** The cursor, or a 400 naming `cursor` if this API did not hand it out for this sort. */
export function decodeCursor(value: string, sort: ClientSort): ListCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    const columns = SORT_COLUMNS[sort];
    if (Array.isArray(parsed) && parsed.length === columns.length + 2 && parsed[0] === sort) {
      const keys = parsed.slice(1, -1);
      const id: unknown = parsed[parsed.length - 1];
      if (typeof id === 'string' && UUID.test(id) && columns.every((column, i) => validKey(column, keys[i]))) {
        return { sort, keys: keys as string[], id };
      }
    }
  } catch {
    // reported below
  }
  throw new BadRequestException({ code: ERROR_CODES.validationFailed, message: 'Invalid fields: cursor', errors: { cursor: CLIENT_FIELD_CODES.invalidCursor } });
}

/**
 * Adds the search and filters of a list query to the team-scoped query.
 * Search: every word of the query must occur in `search_text` in one of its
 * readings (ä → ae or a); see search/client-search.ts. Last contact is the
 * client's `last_contact_on` (kept by LastContact); open goals are looked up
 * with EXISTS: another feature's table, under the same row-level security.
 */
export function applyClientFilters(qb: SelectQueryBuilder<ClientEntity>, query: ClientListQueryDto, today = calendarToday()): SelectQueryBuilder<ClientEntity> {
  if (query.q) {
    searchTerms(query.q).forEach((alternatives, i) =>
      qb.andWhere(
        new Brackets((w) =>
          alternatives.forEach((term, j) => w.orWhere(`c.search_text LIKE :q${i}_${j}`, { [`q${i}_${j}`]: `%${escapeLike(term)}%` })),
        ),
      ),
    );
  }
  if (query.state) qb.andWhere('c.support_state = :state', { state: query.state });
  if (query.managerId) qb.andWhere('c.responsible_manager_id = :managerId', { managerId: query.managerId });
  if (query.windowEndsBefore) qb.andWhere('c.support_window_end < :windowEndsBefore', { windowEndsBefore: query.windowEndsBefore });
  if (query.lastContactBefore) {
    // No conversation on or after that day: the latest one (if any) was on an earlier day.
    qb.andWhere('(c.last_contact_on IS NULL OR c.last_contact_on < CAST(:lastContactBefore AS date))', { lastContactBefore: query.lastContactBefore });
  }
  if (query.fieldOfAction || query.goalState) {
    const field = query.fieldOfAction ? ' AND g.field_of_action = :fieldOfAction' : '';
    const state = query.goalState ? 'g.state = :goalState' : `g.state IN ('open', 'in_progress')`;
    qb.andWhere(`EXISTS (SELECT 1 FROM goal g WHERE g.client_id = c.id AND ${state}${field})`, { fieldOfAction: query.fieldOfAction, goalState: query.goalState });
  }
  return applyReviewFilters(qb, query, today);
}

/**
 * The filters behind the team dashboard's figures (same conditions as
 * @wegweiser/api/team's dashboard SQL): a month of window ends, open cases,
 * no contact since a day (never contacted: since the support start), overdue
 * goals and steps, plans waiting for sign-off, pending extensions; and the
 * team lead's "endet in den nächsten N Monaten".
 */
function applyReviewFilters(qb: SelectQueryBuilder<ClientEntity>, query: ClientListQueryDto, today: string): SelectQueryBuilder<ClientEntity> {
  if (query.windowEndsAfter) qb.andWhere('c.support_window_end >= :windowEndsAfter', { windowEndsAfter: query.windowEndsAfter });
  if (query.openCases) qb.andWhere(`c.support_state IN ('active', 'paused')`);
  if (query.windowEndsWithinMonths) {
    // "Endet in den nächsten N Monaten": open cases whose window ends from today up to today + N months.
    qb.andWhere(
      `c.support_state IN ('active', 'paused') AND c.support_window_end >= CAST(:today AS date)
         AND c.support_window_end <= (CAST(:today AS date) + make_interval(months => CAST(:withinMonths AS int)))::date`,
      { today, withinMonths: query.windowEndsWithinMonths },
    );
  }
  if (query.noContactSince) {
    // GREATEST ignores NULL: never contacted counts from the support start.
    qb.andWhere('GREATEST(c.last_contact_on, c.support_start) < CAST(:noContactSince AS date)', { noContactSince: query.noContactSince });
  }
  if (query.goalsOverdue) {
    qb.andWhere(`EXISTS (SELECT 1 FROM goal og WHERE og.client_id = c.id AND og.state IN ('open', 'in_progress') AND og.due_on < CAST(:today AS date))`, { today });
  }
  if (query.stepsOverdue) {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM goal sg JOIN goal_step s ON s.goal_id = sg.id
                WHERE sg.client_id = c.id AND sg.state IN ('open', 'in_progress') AND s.done_on IS NULL AND s.due_on < CAST(:today AS date))`,
      { today },
    );
  }
  if (query.planAwaitingSignOff) {
    // At most one review per client waits (plan_review_one_waiting_idx), and it is always the latest.
    qb.andWhere(`EXISTS (SELECT 1 FROM plan_review pr WHERE pr.client_id = c.id AND pr.state = 'submitted')`);
  }
  if (query.extensionPending) qb.andWhere(`EXISTS (SELECT 1 FROM support_extension x WHERE x.client_id = c.id AND x.state = 'pending')`);
  return qb;
}

/** Rows after the cursor in the order of `sort` (its columns, then id); one more than a page to know whether another follows. */
export function pageAfter(qb: SelectQueryBuilder<ClientEntity>, sort: ClientSort, cursor: ListCursor | null, pageSize: number): SelectQueryBuilder<ClientEntity> {
  const columns = SORT_COLUMNS[sort];
  if (cursor) {
    const after = columns.map((column, i) => `CAST(:after${i} AS ${column.type})`);
    const params = Object.fromEntries(cursor.keys.map((key, i) => [`after${i}`, key]));
    qb.andWhere(`(${columns.map((column) => column.sql).join(', ')}, c.id) > (${after.join(', ')}, CAST(:afterId AS uuid))`, { ...params, afterId: cursor.id });
  }
  qb.orderBy(columns[0]?.sql ?? NAME.sql, 'ASC');
  for (const column of columns.slice(1)) qb.addOrderBy(column.sql, 'ASC');
  return qb.addOrderBy('c.id', 'ASC').limit(pageSize + 1);
}

/** Distinct fields of action in the contracts' order. */
export function inFieldOrder(fields: Iterable<string>): FieldOfAction[] {
  const present = new Set(fields);
  return FIELDS_OF_ACTION.filter((field) => present.has(field));
}
