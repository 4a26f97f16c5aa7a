import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { SupportWindowProgress } from './support-window';

/**
 * The support window as a progress bar with a text beside it. Presentational:
 * the caller passes the translated texts. Ending soon is shown by colour and
 * by `warningText` (never by colour alone).
 */
@Component({
  selector: 'ww-support-window-bar',
  imports: [MatProgressBar],
  template: `
    <mat-progress-bar
      mode="determinate"
      [value]="progress().percentElapsed"
      [attr.aria-label]="label()"
      [class.warn]="progress().endingSoon || progress().ended"
    />
    <span class="text">
      {{ text() }}
      @if (warning()) {
        <strong class="warning">{{ warning() }}</strong>
      }
    </span>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 10rem;
    }
    .warn {
      --mat-progress-bar-active-indicator-color: var(--mat-sys-error);
    }
    .text {
      font: var(--mat-sys-body-small);
    }
    .warning {
      color: var(--mat-sys-error);
      margin-inline-start: 0.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SupportWindowBar {
  readonly progress = input.required<SupportWindowProgress>();
  /** Accessible name of the bar, e.g. "Betreuungszeitraum: 40 % vergangen, noch 18 Monate". */
  readonly label = input.required<string>();
  /** Visible text, e.g. "noch 18 Monate". */
  readonly text = input.required<string>();
  /** Visible warning when ending soon or ended (empty: none). */
  readonly warningText = input<string>('');

  protected readonly warning = computed(() =>
    this.progress().endingSoon || this.progress().ended ? this.warningText() : '',
  );
}
