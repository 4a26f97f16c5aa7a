import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { TeamAdminApi } from '@wegweiser/client/data-access';
import { TeamResponse, UserResponse } from '@wegweiser/shared/contracts';
import { forkJoin } from 'rxjs';
import { TeamNameDialog, TeamNameDialogData } from '../dialogs/team-name-dialog';
import { dialogSize } from '../dialogs/dialog-size';
import { isolate } from '@wegweiser/client/ui';

/** `/verwaltung/teams`: the municipality's teams with their leads and member counts; "Team anlegen". */
@Component({
  selector: 'ww-teams-page',
  imports: [MatButton, MatProgressBar, RouterLink, TranslocoDirective],
  templateUrl: './teams-page.html',
  styleUrl: '../team-admin.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamsPage {
  private readonly api = inject(TeamAdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  protected readonly teams = signal<TeamResponse[] | null>(null);
  private readonly accounts = signal<UserResponse[]>([]);
  protected readonly failed = signal(false);
  private readonly names = computed(() => new Map(this.accounts().map((a) => [a.id, `${a.firstName} ${a.lastName}`])));

  constructor() {
    this.load();
  }

  /** The leads' names, each shown isolated (one Arabic name must not reorder the commas). */
  protected leadNames(team: TeamResponse): string[] {
    return team.leadIds.map((id) => this.names().get(id) ?? '').filter(Boolean);
  }

  protected load(): void {
    this.failed.set(false);
    forkJoin([this.api.list(), this.api.accounts()]).subscribe({
      next: ([teams, accounts]) => {
        this.accounts.set(accounts);
        this.teams.set(teams);
      },
      error: () => this.failed.set(true),
    });
  }

  protected create(): void {
    this.dialog
      .open<TeamNameDialog, TeamNameDialogData, TeamResponse>(TeamNameDialog, { data: { team: null }, autoFocus: 'first-tabbable', ...dialogSize() })
      .afterClosed()
      .subscribe((team) => {
        if (!team) return;
        this.snackBar.open(this.transloco.translate('teamAdmin.created', { name: isolate(team.name) }), undefined, { duration: 4000 });
        void this.router.navigate(['/verwaltung/teams', team.id]);
      });
  }
}
