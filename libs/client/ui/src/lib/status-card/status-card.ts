import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBar } from '@angular/material/progress-bar';

/** What a status card reports: still checking, fine, or a problem. */
export type StatusTone = 'pending' | 'success' | 'error';

/**
 * A card that reports the state of something (e.g. the system status).
 * Presentational only: the caller passes translated texts and projects the
 * status text (default slot) and optional actions (`[wwStatusCardActions]`).
 * The status text sits in a polite live region, so changes are announced.
 */
@Component({
  selector: 'ww-status-card',
  imports: [MatCardModule, MatProgressBar],
  templateUrl: './status-card.html',
  styleUrl: './status-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusCard {
  readonly heading = input.required<string>();
  readonly tone = input.required<StatusTone>();
  /** Accessible name of the progress bar shown while `tone` is `pending`. */
  readonly pendingLabel = input<string>('');
}
