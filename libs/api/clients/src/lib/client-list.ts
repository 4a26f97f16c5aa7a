import { BadRequestException } from '@nestjs/common';
import { CALENDAR_TIME_ZONE } from '@wegweiser/api/core';
import { escapeLike, searchTerms } from '@wegweiser/api/database';
import { CLIENT_FIELD_CODES, ERROR_CODES } from '@wegweiser/shared/contracts';
import { Brackets, SelectQueryBuilder } from 'typeorm';
import { ClientEntity } from './client.entity';
import { ClientListQueryDto } from './dto/client-list.dto';

/** The position after the last row of a page: its sort key and id (the list's order). */
export interface ListCursor {
  sortKey: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.sortKey, cursor.id]), 'utf8').toString('base64url');
}

/** The cursor, or a 400 naming `cursor` if this API did not hand it out. */
export function decodeCursor(value: string): ListCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string' && UUID.test(parsed[1])) {
      return { sortKey: parsed[0], id: parsed[1] };
    }
  } catch {
    // reported below
  }
  throw new BadRequestException({ code: ERROR_CODES.validationFailed, message: 'Invalid fields: cursor', errors: { cursor: CLIENT_FIELD_CODES.invalidCursor } });
}

/**
 * Adds the search and filters of a list query to the team-scoped query.
 * Search: every word of the query must occur in `search_text` in one of its
 * readings (ä → ae or a); see search/client-search.ts. Conversations and
 * goals are looked up with (NOT) EXISTS: they are other features' tables,
 * under the same row-level security.
 */
export function applyClientFilters(qb: SelectQueryBuilder<ClientEntity>, query: ClientListQueryDto): SelectQueryBuilder<ClientEntity> {
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
    qb.andWhere(
      `NOT EXISTS (SELECT 1 FROM conversation cv WHERE cv.client_id = c.id
         AND cv.held_at >= (CAST(:lastContactBefore AS date)::timestamp AT TIME ZONE '${CALENDAR_TIME_ZONE}'))`,
      { lastContactBefore: query.lastContactBefore },
    );
  }
  if (query.fieldOfAction) {
    qb.andWhere(
      `EXISTS (SELECT 1 FROM goal g WHERE g.client_id = c.id AND g.field_of_action = :fieldOfAction AND g.state IN ('open', 'in_progress'))`,
      { fieldOfAction: query.fieldOfAction },
    );
  }
  return qb;
}

/** Rows after the cursor, in the list's stable order (sort key, id); one more than a page to know whether another follows. */
export function pageAfter(qb: SelectQueryBuilder<ClientEntity>, cursor: ListCursor | null, pageSize: number): SelectQueryBuilder<ClientEntity> {
  if (cursor) qb.andWhere('(c.sort_key, c.id) > (:afterKey, :afterId)', { afterKey: cursor.sortKey, afterId: cursor.id });
  return qb.orderBy('c.sort_key', 'ASC').addOrderBy('c.id', 'ASC').limit(pageSize + 1);
}
