import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { DisplayNamePipe } from '../display-name.pipe';
import { FileTab } from './file-tab';

/** Gespräche: newest first, with form, duration, topics and the note. */
@Component({
  selector: 'ww-conversations-tab',
  imports: [DatePipe, TranslocoDirective, DisplayNamePipe],
  templateUrl: './conversations-tab.html',
  styleUrl: './tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConversationsTab extends FileTab {
  protected readonly conversations = computed(() =>
    [...(this.file()?.conversations ?? [])].sort((a, b) => b.heldAt.localeCompare(a.heldAt)),
  );
}
