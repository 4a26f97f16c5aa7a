import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { TeamAdminApi } from '@wegweiser/client/data-access';
import { caseloadState, TeamDetailResponse, TeamMemberResponse, TeamResponse, UserResponse } from '@wegweiser/shared/contracts';
import { catchError, forkJoin, of, switchMap } from 'rxjs';
import { CaseloadLimitDialog, CaseloadLimitDialogData } from '../dialogs/caseload-limit-dialog';
import { dialogSize } from '../dialogs/dialog-size';
import { LeadDialog, LeadDialogData, leadCandidates } from '../dialogs/lead-dialog';
import { TeamNameDialog, TeamNameDialogData } from '../dialogs/team-name-dialog';

/**
 * `/verwaltung/teams/:teamId`: one team — rename it, assign team leads
 * (several possible), and the active members with their open caseloads and
 * limits (recommended size, hard maximum), each changeable here.
 */
@Component({
  selector: 'ww-team-page',
  imports: [MatButton, MatProgressBar, RouterLink, TranslocoDirective],
  templateUrl: './team-page.html',
  styleUrl: '../team-admin.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamPage {
  private readonly api = inject(TeamAdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  /** The route parameter (component input binding). */
  readonly teamId = input.required<string>();
  protected readonly team = signal<TeamDetailResponse | null>(null);
  protected readonly failed = signal(false);
  private readonly accounts = signal<UserResponse[]>([]);
  private readonly teams = signal<TeamResponse[]>([]);
  private readonly reloads = signal(0);
  protected readonly leads = computed(() => this.team()?.members.filter((m) => m.role === 'team_lead') ?? []);
  protected readonly state = caseloadState;

  constructor() {
    toObservable(computed(() => [this.teamId(), this.reloads()] as const))
      .pipe(
        switchMap(([id]) => {
          this.failed.set(false);
          return forkJoin([this.api.detail(id), this.api.accounts(), this.api.list()]).pipe(catchError(() => of(null)));
        }),
        takeUntilDestroyed(),
      )
      .subscribe((loaded) => {
        if (!loaded) {
          this.failed.set(true);
          return;
        }
        const [team, accounts, teams] = loaded;
        this.accounts.set(accounts);
        this.teams.set(teams);
        this.team.set(team);
      });
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected rename(team: TeamDetailResponse): void {
    this.dialog
      .open<TeamNameDialog, TeamNameDialogData, TeamResponse>(TeamNameDialog, { data: { team }, autoFocus: 'first-tabbable', ...dialogSize() })
      .afterClosed()
      .subscribe((renamed) => {
        if (!renamed) return;
        this.team.set({ ...team, name: renamed.name });
        this.snackBar.open(this.transloco.translate('teamAdmin.renamed', { name: renamed.name }), undefined, { duration: 4000 });
      });
  }

  protected assignLead(team: TeamDetailResponse): void {
    const data: LeadDialogData = {
      team,
      candidates: leadCandidates(this.accounts(), team),
      teamNames: Object.fromEntries(this.teams().map((t) => [t.id, t.name])),
    };
    this.dialog
      .open<LeadDialog, LeadDialogData, UserResponse>(LeadDialog, { data, autoFocus: 'first-tabbable', ...dialogSize() })
      .afterClosed()
      .subscribe((user) => {
        if (!user) return;
        this.snackBar.open(this.transloco.translate('teamAdmin.leadAssigned', { name: `${user.firstName} ${user.lastName}` }), undefined, { duration: 4000 });
        this.reload();
      });
  }

  protected editLimit(team: TeamDetailResponse, member: TeamMemberResponse): void {
    this.dialog
      .open<CaseloadLimitDialog, CaseloadLimitDialogData, TeamMemberResponse>(CaseloadLimitDialog, {
        data: { teamId: team.id, member },
        autoFocus: 'first-tabbable',
        ...dialogSize(),
      })
      .afterClosed()
      .subscribe((stored) => {
        if (!stored) return;
        this.team.set({ ...team, members: team.members.map((m) => (m.id === stored.id ? stored : m)) });
        this.snackBar.open(this.transloco.translate('teamAdmin.limitSaved', { name: `${stored.firstName} ${stored.lastName}` }), undefined, { duration: 4000 });
      });
  }
}
