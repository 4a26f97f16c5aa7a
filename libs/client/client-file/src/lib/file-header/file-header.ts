import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { SupportWindowBar, activeLocale, latinName, originalName, supportWindowProgress, todayUtc } from '@wegweiser/client/ui';
import { ClientResponse, RESIDENCE_STATUSES, SupportResponse } from '@wegweiser/shared/contracts';
import { ClientFileStore } from '../client-file-store';
import { DisplayNamePipe } from '../display-name.pipe';
import { ageOn } from './age';

/**
 * The essentials of a client file: names in both scripts, case number, age,
 * origin, status, support window; "Gespräch dokumentieren" only when the
 * user may change the file (`ClientFileStore.canEdit`, from the file page).
 */
@Component({
  selector: 'ww-file-header',
  imports: [DatePipe, MatButton, RouterLink, TranslocoDirective, SupportWindowBar, DisplayNamePipe],
  templateUrl: './file-header.html',
  styleUrl: './file-header.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FileHeader {
  readonly client = input.required<ClientResponse>();
  readonly support = input.required<SupportResponse>();
  /** The day to measure age and window against (tests pin it). */
  readonly today = input<Date>(todayUtc());

  private readonly store = inject(ClientFileStore, { optional: true });
  protected readonly canEdit = computed(() => this.store?.canEdit() ?? false);
  protected readonly locale = activeLocale(inject(TranslocoService));
  protected readonly latin = computed(() => latinName(this.client()));
  protected readonly original = computed(() => originalName(this.client()));
  protected readonly age = computed(() => ageOn(this.client().dateOfBirth, this.today()));
  protected readonly residenceParagraph = computed(
    () => RESIDENCE_STATUSES.find((status) => status.code === this.client().residenceStatus)?.paragraph ?? null,
  );
  protected readonly progress = computed(() => supportWindowProgress(this.support().start, this.support().windowEnd, this.today()));
  protected readonly windowKey = computed(() => {
    const progress = this.progress();
    // "weniger als 1 Monat" / "noch 1 Monat" / "noch 5 Monate": one ICU plural text.
    return progress.ended ? 'window.ended' : 'window.monthsLeft';
  });
}
