import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { FileTab } from './file-tab';

/** Ergebnisse: outcomes (B1, employment, apprenticeship, studies) and the soft ratings over time. */
@Component({
  selector: 'ww-outcomes-tab',
  imports: [DatePipe, TranslocoDirective],
  templateUrl: './outcomes-tab.html',
  styleUrl: './tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutcomesTab extends FileTab {
  protected readonly outcomes = computed(() =>
    [...(this.file()?.outcomes ?? [])].sort((a, b) => b.achievedOn.localeCompare(a.achievedOn)),
  );
  protected readonly ratings = computed(() => [...(this.file()?.ratings ?? [])].sort((a, b) => b.ratedOn.localeCompare(a.ratedOn)));
}
