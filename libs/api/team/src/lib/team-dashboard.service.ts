import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { APP_CONFIG, AppConfig, calendarToday, TenantContext } from '@wegweiser/api/core';
import { ERROR_CODES, TEAM_DASHBOARD_LIMITS, TeamDashboardResponse } from '@wegweiser/shared/contracts';
import { noContactSince, toTeamDashboard } from './team-dashboard.mapping';
import { GOAL_MATRIX_SQL, GoalMatrixRow, MANAGER_LOAD_SQL, ManagerLoadRow, TEAM_FIGURES_SQL, TeamFiguresRow, WINDOWS_ENDING_SQL, WindowsEndingRow } from './team-dashboard.sql';

/**
 * The team lead's dashboard: four aggregate queries over the own team in the
 * request's tenant transaction (no client rows reach Node). The read is
 * audited as one event naming the team.
 */
@Injectable()
export class TeamDashboardService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async dashboard(noContactWeeks: number = TEAM_DASHBOARD_LIMITS.noContactWeeksDefault, today = calendarToday()): Promise<TeamDashboardResponse> {
    const user = this.tenant.requireUser();
    const teamId = user.teamId;
    if (!teamId) throw new ForbiddenException({ code: ERROR_CODES.forbidden, message: 'Only a team lead of a team has a team dashboard.' });
    const tx = this.txHost.tx;
    const managers: ManagerLoadRow[] = await tx.query(MANAGER_LOAD_SQL, [teamId]);
    const windows: WindowsEndingRow[] = await tx.query(WINDOWS_ENDING_SQL, [teamId, today]);
    const goals: GoalMatrixRow[] = await tx.query(GOAL_MATRIX_SQL, [teamId]);
    const [figures]: TeamFiguresRow[] = await tx.query(TEAM_FIGURES_SQL, [teamId, today, noContactSince(today, noContactWeeks)]);
    if (!figures) throw new Error('team figures returned no row');
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'team_dashboard', entityId: teamId });
    return toTeamDashboard({ teamId, asOf: today, targetLoad: this.config.TEAM_TARGET_LOAD, noContactWeeks, managers, windows, goals, figures });
  }
}
