import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { DryRun } from '../dry-run/dry-run';
import { ErasureRequests } from '../erasure-requests/erasure-requests';
import { PolicyForm } from '../policy-form/policy-form';

/** `/aufbewahrung` ("Aufbewahrung und Löschung"): policy, dry run and pending erasure requests (administrators). */
@Component({
  selector: 'ww-retention-page',
  imports: [TranslocoDirective, PolicyForm, DryRun, ErasureRequests],
  template: `
    <ng-container *transloco="let t; prefix: 'retention'">
      <h1>{{ t('title') }}</h1>
      <p class="retention__intro">{{ t('intro') }}</p>
      <section><ww-policy-form /></section>
      <section><ww-dry-run /></section>
      <section><ww-erasure-requests /></section>
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
      padding: 1.5rem;
      max-width: 80rem;
      margin-inline: auto;
    }
    .retention__intro {
      max-width: 48rem;
    }
    section {
      margin-block: 1.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RetentionPage {}
