import {
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  OnModuleDestroy,
} from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import {
  APP_CONFIG,
  AppConfig,
  calendarToday,
  RequestUser,
  TenantContext,
} from '@wegweiser/api/core';
import { TenantTransactions } from '@wegweiser/api/database';
import { ClsService } from 'nestjs-cls';
import {
  ERROR_CODES,
  TEAM_DASHBOARD_LIMITS,
  TeamDashboardResponse,
} from '@wegweiser/shared/contracts';
import { noContactSince, toTeamDashboard } from './team-dashboard.mapping';
import {
  GOAL_MATRIX_SQL,
  GoalMatrixRow,
  MANAGER_LOAD_SQL,
  ManagerLoadRow,
  TEAM_FIGURES_SQL,
  TeamFiguresRow,
  WINDOWS_ENDING_SQL,
  WindowsEndingRow,
} from './team-dashboard.sql';

/** Figures of the team computed within the last `TEAM_DASHBOARD_LIMITS.maxAgeSeconds` for the same day and N. */
const CACHED_SQL = `
  SELECT figures, computed_at FROM team_dashboard_cache
   WHERE team_id = $1 AND no_contact_weeks = $2 AND as_of = $3 AND computed_at > clock_timestamp() - make_interval(secs => $4)`;
/** Keeps freshly computed figures (one row per team and N; the latest computation wins). */
const STORE_SQL = `
  INSERT INTO team_dashboard_cache (municipality_id, team_id, no_contact_weeks, as_of, computed_at, figures)
  VALUES (current_municipality_id(), $1, $2, $3, clock_timestamp(), $4::jsonb)
  ON CONFLICT (team_id, no_contact_weeks) DO UPDATE
    SET as_of = EXCLUDED.as_of, computed_at = EXCLUDED.computed_at, figures = EXCLUDED.figures
  RETURNING computed_at`;

type DashboardFigures = Omit<TeamDashboardResponse, 'computedAt'>;

/** Figures older than this (of the at most `maxAgeSeconds`) are answered and computed anew in the background. */
export const REFRESH_AHEAD_AFTER_SECONDS =
  TEAM_DASHBOARD_LIMITS.maxAgeSeconds - 15;

/**
 * The team lead's dashboard: four aggregate queries over the own team in the request's tenant transaction (no
 * client rows reach Node), kept in PostgreSQL (`team_dashboard_cache`, row-level security) and answered from there
 * for up to a minute — the page shows their age and offers to compute them now (`refresh`). Every read is
 * audited as one event naming the team, from the cache too. Figures in their last 15 seconds are answered and
 * computed anew after the answer, in a transaction of their own (once per team and N at a time on an instance),
 * so that a busy team's requests do not wait for the computation.
 */
@Injectable()
export class TeamDashboardService implements OnModuleDestroy {
  private readonly logger = new Logger(TeamDashboardService.name);
  private readonly refreshing = new Map<string, Promise<void>>();

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
    private readonly transactions: TenantTransactions,
    private readonly cls: ClsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Background computations finish before the pools close. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.refreshing.values());
  }

  async dashboard(
    noContactWeeks: number = TEAM_DASHBOARD_LIMITS.noContactWeeksDefault,
    options: { refresh?: boolean; today?: string } = {},
  ): Promise<TeamDashboardResponse> {
    const user = this.tenant.requireUser();
    const teamId = user.teamId;
    if (!teamId)
      throw new ForbiddenException({
        code: ERROR_CODES.forbidden,
        message: 'Only a team lead of a team has a team dashboard.',
      });
    const today = options.today ?? calendarToday();
    const cached = options.refresh
      ? undefined
      : await this.cached(teamId, noContactWeeks, today);
    if (
      cached &&
      Date.now() - Date.parse(cached.computedAt) >
        REFRESH_AHEAD_AFTER_SECONDS * 1000
    )
      this.refreshAhead(user, teamId, noContactWeeks, today);
    const response =
      cached ?? (await this.compute(teamId, noContactWeeks, today));
    await this.audit.record({
      action: 'read',
      outcome: 'success',
      entityType: 'team_dashboard',
      entityId: teamId,
    });
    return response;
  }

  /** Computes the figures anew after this request, in a tenant transaction of their own (not the request's). */
  private refreshAhead(
    user: RequestUser,
    teamId: string,
    noContactWeeks: number,
    today: string,
  ): void {
    const key = `${teamId}:${noContactWeeks}:${today}`;
    if (this.refreshing.has(key)) return;
    const work = this.cls
      .run({ ifNested: 'override' }, () =>
        this.transactions.withTenant(user.municipalityId, user.id, () =>
          this.compute(teamId, noContactWeeks, today),
        ),
      )
      .then(
        () => undefined,
        (error: unknown) =>
          this.logger.warn(
            {
              err: { type: error instanceof Error ? error.name : typeof error },
            },
            'team dashboard refresh failed',
          ),
      )
      .finally(() => this.refreshing.delete(key));
    this.refreshing.set(key, work);
  }

  private async cached(
    teamId: string,
    noContactWeeks: number,
    today: string,
  ): Promise<TeamDashboardResponse | undefined> {
    const [row]: { figures: DashboardFigures; computed_at: Date }[] =
      await this.txHost.tx.query(CACHED_SQL, [
        teamId,
        noContactWeeks,
        today,
        TEAM_DASHBOARD_LIMITS.maxAgeSeconds,
      ]);
    return row
      ? { ...row.figures, computedAt: row.computed_at.toISOString() }
      : undefined;
  }

  private async compute(
    teamId: string,
    noContactWeeks: number,
    today: string,
  ): Promise<TeamDashboardResponse> {
    const tx = this.txHost.tx;
    const managers: ManagerLoadRow[] = await tx.query(MANAGER_LOAD_SQL, [
      teamId,
    ]);
    const windows: WindowsEndingRow[] = await tx.query(WINDOWS_ENDING_SQL, [
      teamId,
      today,
    ]);
    const goals: GoalMatrixRow[] = await tx.query(GOAL_MATRIX_SQL, [teamId]);
    const [figures]: TeamFiguresRow[] = await tx.query(TEAM_FIGURES_SQL, [
      teamId,
      today,
      noContactSince(today, noContactWeeks),
    ]);
    if (!figures) throw new Error('team figures returned no row');
    const dashboard: DashboardFigures = toTeamDashboard({
      teamId,
      asOf: today,
      targetLoad: this.config.TEAM_TARGET_LOAD,
      noContactWeeks,
      managers,
      windows,
      goals,
      figures,
    });
    const [stored]: { computed_at: Date }[] = await tx.query(STORE_SQL, [
      teamId,
      noContactWeeks,
      today,
      JSON.stringify(dashboard),
    ]);
    return { ...dashboard, computedAt: stored.computed_at.toISOString() };
  }
}
