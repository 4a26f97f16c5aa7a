import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { Router, RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { MeResponse, Permission } from '@wegweiser/shared/contracts';
import { AuthService } from '../../auth/auth.service';
import { ReminderBell } from './reminder-bell';

interface NavEntry {
  readonly path: string;
  readonly labelKey: string;
  readonly permission: Permission;
}

/** The areas of the application, each shown only to roles that may use it. */
export const NAV_ENTRIES: readonly NavEntry[] = [
  { path: '/heute', labelKey: 'today.nav', permission: 'reminder:read' },
  { path: '/fallbestand', labelKey: 'nav.caseload', permission: 'client:read' },
  { path: '/team', labelKey: 'teamOverview.nav', permission: 'team:dashboard' },
  { path: '/freigaben', labelKey: 'signOff.nav', permission: 'plan:approve' },
  { path: '/verwaltung', labelKey: 'nav.admin', permission: 'user:manage' },
  { path: '/auswertung', labelKey: 'nav.evaluation', permission: 'evaluation:read' },
  { path: '/aufbewahrung', labelKey: 'nav.retention', permission: 'retention:manage' },
  { path: '/datenschutz', labelKey: 'nav.dataProtection', permission: 'audit:read' },
];

/**
 * The signed-in part of the top bar: navigation (filtered by permission),
 * name, role and municipality, sign-out. Deferred by the top bar, so the
 * sign-in page does not load it.
 */
@Component({
  selector: 'ww-session-nav',
  imports: [MatAnchor, MatButton, RouterLink, RouterLinkActive, TranslocoDirective, ReminderBell],
  templateUrl: './session-nav.html',
  styleUrl: './session-nav.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionNav {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  readonly user = input.required<MeResponse>();

  protected readonly nav = computed(() => {
    this.user();
    return NAV_ENTRIES.filter((entry) => this.auth.can(entry.permission));
  });

  /** The bell for roles that receive reminders (managers, team leads). */
  protected readonly showReminders = computed(() => {
    this.user();
    return this.auth.can('reminder:read');
  });

  protected async logout(): Promise<void> {
    await this.auth.logout().catch(() => undefined);
    await this.router.navigateByUrl('/anmelden');
  }
}
