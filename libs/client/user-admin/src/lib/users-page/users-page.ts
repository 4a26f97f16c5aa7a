import { ChangeDetectionStrategy, Component, OnInit, ViewContainerRef, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog, MatDialogConfig } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthApi, UsersApi, usersApiError } from '@wegweiser/client/data-access';
import { CreateUserResponse, ROLES, ROLES_REQUIRING_TOTP, TeamResponse, UserResponse } from '@wegweiser/shared/contracts';
import { Observable, forkJoin } from 'rxjs';
import { ConfirmActionDialog, ConfirmActionDialogData, ConfirmedAction } from '../dialogs/confirm-action-dialog';
import { CreateUserDialog, CreateUserDialogData } from '../dialogs/create-user-dialog';
import { EditUserDialog, EditUserDialogData, EditUserResult } from '../dialogs/edit-user-dialog';
import { OneTimePasswordDialog, OneTimePasswordDialogData } from '../dialogs/one-time-password-dialog';
import { Choice, filterUsers, isFiltered, NO_FILTER, UserFilter } from '../user-filter';
import { errorKey, fullName, needsReload } from '../user-errors';
import { IsolatePipe, UserText } from '@wegweiser/client/ui';

/** A line for the status region: a text key under `done.` and the person's name. */
interface Done {
  key: string;
  name: string;
}

const DIALOG: MatDialogConfig = { width: '34rem', maxWidth: '95vw', autoFocus: 'first-tabbable' };

/**
 * Verwaltung → Benutzer:innen: the municipality's accounts as cards, filtered
 * in the browser (search by name or e-mail, role, team, active, locked, second
 * factor), with every action of the account administration behind a
 * confirmation or a dialog. One-time passwords are shown once, in a dialog.
 */
@Component({
  selector: 'ww-users-page',
  imports: [MatButton, MatFormFieldModule, MatInput, MatSelectModule, TranslocoDirective, IsolatePipe, UserText],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPage implements OnInit {
  private readonly api = inject(UsersApi);
  private readonly auth = inject(AuthApi);
  private readonly dialog = inject(MatDialog);
  private readonly viewContainerRef = inject(ViewContainerRef);

  protected readonly roles = ROLES;
  protected readonly state = signal<'loading' | 'loaded' | 'failed'>('loading');
  protected readonly users = signal<UserResponse[]>([]);
  protected readonly teams = signal<TeamResponse[]>([]);
  protected readonly meId = signal<string | null>(null);
  protected readonly filter = signal<UserFilter>(NO_FILTER);
  protected readonly shown = computed(() => filterUsers(this.users(), this.filter()));
  protected readonly filtered = computed(() => isFiltered(this.filter()));
  protected readonly teamNames = computed(() => new Map(this.teams().map((team) => [team.id, team.name])));
  protected readonly busy = signal<string | null>(null);
  protected readonly done = signal<Done | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly fullName = fullName;

  ngOnInit(): void {
    this.auth.me().subscribe({ next: (session) => this.meId.set(session.me.id), error: () => undefined });
    this.load();
  }

  protected setFilter<K extends keyof UserFilter>(key: K, value: UserFilter[K]): void {
    this.filter.update((filter) => ({ ...filter, [key]: value }));
  }

  protected setChoice(key: 'active' | 'locked' | 'secondFactor', value: Choice): void {
    this.setFilter(key, value);
  }

  protected resetFilter(): void {
    this.filter.set(NO_FILTER);
  }

  protected load(): void {
    forkJoin({ users: this.api.list(), teams: this.api.teams() }).subscribe({
      next: ({ users, teams }) => {
        this.users.set(users);
        this.teams.set(teams);
        this.state.set('loaded');
      },
      error: () => this.state.set('failed'),
    });
  }

  protected create(): void {
    this.clearMessages();
    this.dialog
      .open<CreateUserDialog, CreateUserDialogData, CreateUserResponse>(CreateUserDialog, { ...DIALOG, viewContainerRef: this.viewContainerRef, data: { teams: this.teams() } })
      .afterClosed()
      .subscribe((created) => {
        if (!created) return;
        this.users.update((users) => [...users, created.user].sort(byName));
        this.done.set({ key: 'created', name: fullName(created.user) });
        this.showPassword('created', created.user, created.oneTimePassword);
      });
  }

  /** Reads the account afresh (its version moves with every change, its own password change included), then opens the dialog. */
  protected edit(listed: UserResponse): void {
    this.clearMessages();
    this.busy.set(listed.id);
    this.api.get(listed.id).subscribe({
      next: (user) => {
        this.busy.set(null);
        this.replace(user);
        this.openEdit(user);
      },
      error: (failure: unknown) => {
        this.busy.set(null);
        const { code } = usersApiError(failure);
        this.error.set(errorKey(code));
        if (needsReload(code)) this.load();
      },
    });
  }

  private openEdit(user: UserResponse): void {
    this.dialog
      .open<EditUserDialog, EditUserDialogData, EditUserResult>(EditUserDialog, {
        ...DIALOG,
        viewContainerRef: this.viewContainerRef,
        data: { user, teams: this.teams(), self: user.id === this.meId() },
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        if ('reload' in result) {
          this.error.set(result.reload);
          this.load();
          return;
        }
        this.replace(result.saved);
        this.done.set({ key: 'updated', name: fullName(result.saved) });
      });
  }

  protected act(action: ConfirmedAction, user: UserResponse): void {
    this.clearMessages();
    const name = fullName(user);
    this.dialog
      .open<ConfirmActionDialog, ConfirmActionDialogData, boolean>(ConfirmActionDialog, {
        ...DIALOG,
        viewContainerRef: this.viewContainerRef,
        data: { action, name, secondFactorRequired: ROLES_REQUIRING_TOTP.includes(user.role) },
      })
      .afterClosed()
      .subscribe((confirmed) => {
        if (confirmed) this.run(action, user);
      });
  }

  protected isSelf(user: UserResponse): boolean {
    return user.id === this.meId();
  }

  protected teamName(teamId: string | null): string | null | undefined {
    return teamId === null ? null : this.teamNames().get(teamId);
  }

  private run(action: ConfirmedAction, user: UserResponse): void {
    const name = fullName(user);
    this.busy.set(user.id);
    const fail = (failure: unknown) => {
      this.busy.set(null);
      const { code } = usersApiError(failure);
      this.error.set(errorKey(code));
      if (needsReload(code)) this.load();
    };
    if (action === 'resetPassword') {
      this.api.resetPassword(user.id).subscribe({
        next: ({ oneTimePassword }) => {
          this.busy.set(null);
          this.replace({ ...user, locked: false });
          this.done.set({ key: 'passwordReset', name });
          this.showPassword('reset', user, oneTimePassword);
        },
        error: fail,
      });
      return;
    }
    const calls: Record<Exclude<ConfirmedAction, 'resetPassword'>, [() => Observable<UserResponse>, string]> = {
      // No version: switching an account off or on does not depend on what else changed (e.g. its own new password).
      deactivate: [() => this.api.update(user.id, { active: false }), 'deactivated'],
      reactivate: [() => this.api.update(user.id, { active: true }), 'reactivated'],
      unlock: [() => this.api.unlock(user.id), 'unlocked'],
      resetSecondFactor: [() => this.api.resetSecondFactor(user.id), 'secondFactorReset'],
    };
    const [call, key] = calls[action];
    call().subscribe({
      next: (changed) => {
        this.busy.set(null);
        this.replace(changed);
        this.done.set({ key, name });
      },
      error: fail,
    });
  }

  private showPassword(kind: OneTimePasswordDialogData['kind'], user: UserResponse, oneTimePassword: string): void {
    this.dialog.open<OneTimePasswordDialog, OneTimePasswordDialogData>(OneTimePasswordDialog, {
      ...DIALOG,
      viewContainerRef: this.viewContainerRef,
      disableClose: true,
      data: { kind, name: fullName(user), oneTimePassword },
    });
  }

  private replace(changed: UserResponse): void {
    this.users.update((users) => users.map((user) => (user.id === changed.id ? changed : user)));
  }

  private clearMessages(): void {
    this.done.set(null);
    this.error.set(null);
  }
}

function byName(a: UserResponse, b: UserResponse): number {
  return a.lastName.localeCompare(b.lastName, 'de') || a.firstName.localeCompare(b.firstName, 'de');
}
