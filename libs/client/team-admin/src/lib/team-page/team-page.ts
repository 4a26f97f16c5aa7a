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
import { isolate } from '@wegweiser/client/ui';

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
  protected readonly leadFailed = signal(false);
  private readonly reloads = signal(0);
  protected readonly leads = computed(() => this.team()?.members.filter((m) => m.role === 'team_lead') ?? []);
  protected readonly state = caseloadState;

  constructor() {
    toObservable(computed(() => [this.teamId(), this.reloads()] as const))
      .pipe(
        switchMap(([id]) => {
          this.failed.set(false);
          return this.api.detail(id).pipe(catchError(() => of(null)));
        }),
        takeUntilDestroyed(),
      )
      .subscribe((team) => {
        if (team) this.team.set(team);
        else this.failed.set(true);
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
        this.snackBar.open(this.transloco.translate('teamAdmin.renamed', { name: isolate(renamed.name) }), undefined, { duration: 4000 });
      });
  }

  /** The candidates are read when the dialog opens (accounts change elsewhere). */
  protected assignLead(team: TeamDetailResponse): void {
    this.leadFailed.set(false);
    forkJoin([this.api.accounts(), this.api.list()])
      .pipe(
        switchMap(([accounts, teams]) => {
          const data: LeadDialogData = { team, candidates: leadCandidates(accounts, team), teamNames: Object.fromEntries(teams.map((t) => [t.id, t.name])) };
          return this.dialog.open<LeadDialog, LeadDialogData, UserResponse>(LeadDialog, { data, autoFocus: 'first-tabbable', ...dialogSize() }).afterClosed();
        }),
      )
      .subscribe({
        error: () => this.leadFailed.set(true),
        next: (user) => {
          if (!user) return;
          this.snackBar.open(this.transloco.translate('teamAdmin.leadAssigned', { name: isolate(`${user.firstName} ${user.lastName}`) }), undefined, { duration: 4000 });
          this.reload();
        },
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
        this.snackBar.open(this.transloco.translate('teamAdmin.limitSaved', { name: isolate(`${stored.firstName} ${stored.lastName}`) }), undefined, { duration: 4000 });
      });
  }
}
