import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { Permission } from '@wegweiser/shared/contracts';
import { CurrentUser } from '@wegweiser/client/data-access';

interface AdminTab {
  path: string;
  labelKey: string;
  permission: Permission;
}

const TABS: readonly AdminTab[] = [
  { path: 'benutzer', labelKey: 'adminArea.users', permission: 'user:manage' },
  { path: 'teams', labelKey: 'adminArea.teams', permission: 'team:manage' },
  { path: 'netzwerkpartner', labelKey: 'adminArea.partners', permission: 'partner:manage' },
];

/** Verwaltung: accounts, teams and the partner directory, one tab each (each a lazy feature lib). */
@Component({
  selector: 'ww-admin-area',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('nav.admin') }}</h1>
      <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="t('adminArea.label')">
        @for (tab of tabs(); track tab.path) {
          <a mat-tab-link [routerLink]="tab.path" routerLinkActive #active="routerLinkActive" [active]="active.isActive">{{ t(tab.labelKey) }}</a>
        }
      </nav>
      <mat-tab-nav-panel #panel><router-outlet /></mat-tab-nav-panel>
    </ng-container>
  `,
  styles: `h1 { margin-bottom: 0.5rem; } mat-tab-nav-panel { display: block; padding-top: 1rem; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminArea {
  private readonly user = inject(CurrentUser);
  readonly tabs = computed(() => TABS.filter((tab) => this.user.can(tab.permission)));
}
