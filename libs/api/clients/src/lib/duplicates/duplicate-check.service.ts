import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { TenantContext } from '@wegweiser/api/core';
import { DUPLICATE_CHECK_LIMITS, DuplicateCheckResponse, DuplicateMatchResponse } from '@wegweiser/shared/contracts';
import { DuplicateCheckDto } from './duplicate-check.dto';
import { nameCondition } from './duplicate-match';

interface MatchRow {
  id: string;
  team_id: string;
  team_name: string;
  case_number: string;
  first_name: string;
  last_name: string;
  first_name_original: string | null;
  last_name_original: string | null;
  date_of_birth: string;
}

/** Audit entity type of a possible match in another team (one row per client found there). */
export const CROSS_TEAM_MATCH_AUDIT = 'client_cross_team_match';
/** Audit entity type of every check (the own team's matches are read like a list). */
export const DUPLICATE_CHECK_AUDIT = 'client_duplicate_check';

/**
 * Search before create: clients of the municipality with the same date of
 * birth and matching names. The own team's come back to be opened; another
 * team's only as that team's name (§ 35 SGB I: the person's data stay with
 * the team that keeps the file), and each such match leaves an audit row
 * with the client's id, so the data protection officer sees who learnt of
 * whom. Another municipality is never searched (explicit condition and
 * row-level security).
 */
@Injectable()
export class DuplicateCheckService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
  ) {}

  async check(dto: DuplicateCheckDto): Promise<DuplicateCheckResponse> {
    const user = this.tenant.requireUser();
    const latin = `${dto.firstName} ${dto.lastName}`;
    const original = [dto.firstNameOriginal, dto.lastNameOriginal].filter(Boolean).join(' ');
    const names = nameCondition({ latin, original }, 3);
    const rows: MatchRow[] = names
      ? await this.txHost.tx.query(
          `SELECT c.id, c.team_id, t.name AS team_name, c.case_number, c.first_name, c.last_name,
                  c.first_name_original, c.last_name_original, c.date_of_birth::text AS date_of_birth
             FROM client c JOIN team t ON t.id = c.team_id
            WHERE c.municipality_id = $1 AND c.date_of_birth = CAST($2 AS date) AND ${names.sql}
            ORDER BY c.sort_key, c.id`,
          [user.municipalityId, dto.dateOfBirth, ...names.params],
        )
      : [];
    const own = rows.filter((row) => user.teamId && row.team_id === user.teamId);
    const foreign = rows.filter((row) => row.team_id !== user.teamId);
    await this.audit.record({ action: 'read', outcome: 'success', entityType: DUPLICATE_CHECK_AUDIT });
    for (const row of foreign) {
      await this.audit.record({ action: 'read', outcome: 'success', entityType: CROSS_TEAM_MATCH_AUDIT, entityId: row.id, clientId: row.id });
    }
    const teamNames = [...new Set(foreign.map((row) => row.team_name))].sort((a, b) => a.localeCompare(b, 'de'));
    return {
      matches: own.slice(0, DUPLICATE_CHECK_LIMITS.maxMatches).map(toMatch),
      otherTeams: teamNames.map((teamName) => ({ teamName })),
    };
  }
}

function toMatch(row: MatchRow): DuplicateMatchResponse {
  return {
    id: row.id,
    caseNumber: row.case_number,
    firstName: row.first_name,
    lastName: row.last_name,
    firstNameOriginal: row.first_name_original,
    lastNameOriginal: row.last_name_original,
    dateOfBirth: row.date_of_birth,
  };
}
