import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton, MatIconButton } from '@angular/material/button';
import { MatDivider } from '@angular/material/divider';
import { MatMenuModule } from '@angular/material/menu';
import { Router, RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { MeResponse, Permission } from '@wegweiser/shared/contracts';
import { AuthService } from '../../auth/auth.service';
import { map } from 'rxjs';
import { TOP_BAR_MENU, TOP_BAR_SEARCH_ICON } from '../breakpoints';
import { QuickSwitcherLauncher } from '../quick-switcher/quick-switcher-launcher';
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
  { path: '/verwendungsnachweis', labelKey: 'nav.fundingReport', permission: 'funding:report' },
  { path: '/aufbewahrung', labelKey: 'nav.retention', permission: 'retention:manage' },
  { path: '/datenschutz', labelKey: 'nav.dataProtection', permission: 'audit:read' },
];

/**
 * The signed-in part of the top bar: navigation (filtered by permission),
 * the quick switcher's search field (and Ctrl+K anywhere), name, role and
 * municipality, sign-out. On tablets and small windows, navigation, user and
 * sign-out collapse into a menu button. Deferred by the top bar, so the
 * sign-in page does not load it.
 */
@Component({
  selector: 'ww-session-nav',
  imports: [MatAnchor, MatButton, MatIconButton, MatDivider, MatMenuModule, RouterLink, RouterLinkActive, TranslocoDirective, ReminderBell],
  templateUrl: './session-nav.html',
  styleUrl: './session-nav.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'onShortcut($event)' },
})
export class SessionNav {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly switcher = inject(QuickSwitcherLauncher);

  private readonly breakpoints = inject(BreakpointObserver);
  /** Tablets and small windows: the menu button instead of the links, name and sign-out. */
  protected readonly compact = toSignal(this.breakpoints.observe(TOP_BAR_MENU).pipe(map((state) => state.matches)), { initialValue: false });
  /** Below a wide screen the search field is a search button. */
  protected readonly searchIcon = toSignal(this.breakpoints.observe(TOP_BAR_SEARCH_ICON).pipe(map((state) => state.matches)), { initialValue: false });

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

  /** The quick switcher for roles that read client files. */
  protected readonly canSearch = computed(() => {
    this.user();
    return this.auth.can('client:read');
  });

  protected openSwitcher(): void {
    this.switcher.open();
  }

  /** Ctrl+K (⌘K on a Mac) from anywhere opens the quick switcher. */
  protected onShortcut(event: KeyboardEvent): void {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k' && this.canSearch()) {
      event.preventDefault();
      this.switcher.open();
    }
  }

  protected async logout(): Promise<void> {
    await this.auth.logout().catch(() => undefined);
    await this.router.navigateByUrl('/anmelden');
  }
}
