import { DatePipe, Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { DisplayNamePipe } from '../display-name.pipe';
import { ConversationRevisions } from './conversation-revisions';
import { FileTab } from './file-tab';
import { IsolatePipe, UserText } from '@wegweiser/client/ui';

/** Navigation state after a correction: the entry to focus. */
interface CorrectedState {
  focusConversation?: string;
}

/**
 * Gespräche: newest first, with form, duration, topics, the note and who
 * recorded it; a corrected one says "bearbeitet" (when, by whom). Its author
 * (or the team lead) may correct it; the team lead (and the author) may open
 * its earlier versions ("Frühere Fassungen") in place.
 */
@Component({
  selector: 'ww-conversations-tab',
  imports: [DatePipe, MatButton, RouterLink, TranslocoDirective, DisplayNamePipe, ConversationRevisions, IsolatePipe, UserText],
  templateUrl: './conversations-tab.html',
  styleUrls: ['./tab.scss', './conversations-tab.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConversationsTab extends FileTab {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly conversations = computed(() =>
    [...(this.file()?.conversations ?? [])].sort((a, b) => b.heldAt.localeCompare(a.heldAt)),
  );
  /** Conversations whose earlier versions are shown. */
  protected readonly openRevisions = signal<ReadonlySet<string>>(new Set());

  constructor() {
    super();
    // Back from a correction: focus returns to the corrected entry (the navigation's state; the tab renders once the file loaded).
    const focus = (inject(Location).getState() as CorrectedState | null)?.focusConversation;
    if (focus) {
      afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[data-conversation="${CSS.escape(focus)}"]`)?.focus());
    }
  }

  protected toggleRevisions(id: string): void {
    this.openRevisions.update((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }
}
