import { Injectable, Injector, effect, inject, untracked } from '@angular/core';
import type { MatDialogRef } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { LanguageService } from '../i18n/language.service';
import { AuthService } from './auth.service';
import type { IdleWarningChoice } from './idle-warning-dialog';
import { SessionTimeout } from './session-timeout';

/**
 * Ties the session to the UI: the idle countdown runs while signed in, the
 * warning dialog opens two minutes before the end, expiry leads to the
 * sign-in page; the account's remembered language is applied on sign-in.
 * The dialog (and MatDialog) is loaded on first use, outside the initial bundle.
 */
@Injectable({ providedIn: 'root' })
export class SessionWatch {
  private readonly auth = inject(AuthService);
  private readonly timeout = inject(SessionTimeout);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly language = inject(LanguageService);
  private dialog: MatDialogRef<unknown, IdleWarningChoice> | null = null;

  constructor() {
    effect(() => {
      const seconds = this.auth.idleTimeoutSeconds();
      untracked(() => (seconds === null ? this.timeout.stop() : this.timeout.start(seconds)));
    });
    effect(() => {
      const locale = this.auth.me()?.locale;
      if (locale) {
        untracked(() => this.language.use(locale));
      }
    });
    effect(() => {
      const warn = this.timeout.warning();
      untracked(() => (warn ? void this.openWarning() : this.closeWarning()));
    });
    this.timeout.expired.subscribe(() => void this.expire());
  }

  private async openWarning(): Promise<void> {
    if (this.dialog) {
      return;
    }
    const [{ MatDialog }, { IdleWarningDialog }] = await Promise.all([
      import('@angular/material/dialog'),
      import('./idle-warning-dialog'),
    ]);
    if (!this.timeout.warning()) {
      return;
    }
    const dialog = this.injector.get(MatDialog).open<unknown, unknown, IdleWarningChoice>(IdleWarningDialog, {
      role: 'alertdialog',
      disableClose: true,
      width: '28rem',
    });
    this.dialog = dialog;
    dialog.afterClosed().subscribe((choice) => {
      this.dialog = null;
      if (choice === 'stay') {
        this.auth.refresh().catch(() => undefined);
      } else if (choice === 'logout') {
        void this.signOut();
      }
    });
  }

  private closeWarning(): void {
    this.dialog?.close();
  }

  private async signOut(): Promise<void> {
    await this.auth.logout().catch(() => undefined);
    await this.router.navigateByUrl('/anmelden');
  }

  private async expire(): Promise<void> {
    this.dialog?.close();
    await this.auth.expire();
    await this.router.navigate(['/anmelden'], { queryParams: { grund: 'abgelaufen' } });
  }
}
