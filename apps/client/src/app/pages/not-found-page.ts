import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

/** Any address the application does not know. */
@Component({
  selector: 'ww-not-found-page',
  imports: [MatAnchor, RouterLink, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('notFound.title') }}</h1>
      <p>{{ t('notFound.text') }}</p>
      <a mat-flat-button routerLink="/">{{ t('notFound.home') }}</a>
    </ng-container>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
