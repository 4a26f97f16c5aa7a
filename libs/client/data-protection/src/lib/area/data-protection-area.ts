import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

/** The tabs of the area, each a child route. */
export const DATA_PROTECTION_TABS = [
  { path: 'protokoll', labelKey: 'tabs.log' },
  { path: 'zugriffe', labelKey: 'tabs.access' },
  { path: 'pruefkette', labelKey: 'tabs.chain' },
  { path: 'antraege', labelKey: 'tabs.requests' },
] as const;

/** Datenschutz: the audit trail, the access report of a client file, the hash chain, and the Art. 15/17 requests. */
@Component({
  selector: 'ww-data-protection-area',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'dataProtection'">
      <h1>{{ t('title') }}</h1>
      <nav mat-tab-nav-bar [tabPanel]="panel" [attr.aria-label]="t('tabs.label')">
        @for (tab of tabs; track tab.path) {
          <a mat-tab-link [routerLink]="tab.path" routerLinkActive #active="routerLinkActive" [active]="active.isActive">{{ t(tab.labelKey) }}</a>
        }
      </nav>
      <mat-tab-nav-panel #panel><router-outlet /></mat-tab-nav-panel>
    </ng-container>
  `,
  styles: `
    :host { display: block; min-width: 0; }
    h1 { margin-bottom: 0.5rem; }
    mat-tab-nav-panel { display: block; padding-top: 1rem; }
  `,
  // Wide tables (time, person, team, role, action, outcome, what, case number): the page may use more width (styles.scss).
  host: { class: 'ww-wide-page' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataProtectionArea {
  protected readonly tabs = DATA_PROTECTION_TABS;
}
