import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { TranslocoDirective } from '@jsverse/transloco';

/**
 * A signed-in area that follows in a later release (administration, data
 * protection). `area` (route data) names it: `placeholder.<area>`.
 */
@Component({
  selector: 'ww-placeholder-page',
  imports: [MatCardModule, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('placeholder.' + area() + '.title') }}</h1>
      <mat-card appearance="outlined">
        <mat-card-header>
          <h2 mat-card-title>{{ t('placeholder.follows') }}</h2>
        </mat-card-header>
        <mat-card-content>
          <p>{{ t('placeholder.' + area() + '.text') }}</p>
        </mat-card-content>
      </mat-card>
    </ng-container>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlaceholderPage {
  readonly area = input.required<'admin' | 'dataProtection'>();
}
