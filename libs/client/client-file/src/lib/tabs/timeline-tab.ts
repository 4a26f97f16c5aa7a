import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoDirective } from '@jsverse/transloco';
import { ClientsApi } from '@wegweiser/client/data-access';
import { TimelineEventKind, TimelineEventResponse } from '@wegweiser/shared/contracts';
import { catchError, map, of, startWith } from 'rxjs';
import { DisplayNamePipe } from '../display-name.pipe';
import { FileTab } from './file-tab';
import { isolate, IsolatePipe, UserText } from '@wegweiser/client/ui';

type TimelineState = { status: 'loading' } | { status: 'loaded'; items: TimelineEventResponse[] } | { status: 'failed' };

/** Per event kind: which detail carries a code of which vocabulary (`vocab.<list>.<code>`). */
const DETAIL_VOCABULARIES: Partial<Record<TimelineEventKind, Record<string, string>>> = {
  conversation: { form: 'conversationForm', topics: 'fieldOfAction' },
  goal_created: { fieldOfAction: 'fieldOfAction' },
  goal_state_changed: { fieldOfAction: 'fieldOfAction', state: 'goalState' },
  referral: { state: 'referralState' },
  outcome: { kind: 'outcomeKind', employmentKind: 'employmentKind' },
  support_state_changed: { to: 'supportState', reason: 'closureReason' },
  extension_decided: { state: 'extensionState' },
};

/** Vocabulary keys of an event's details, e.g. `vocab.goalState.achieved`. */
export function timelineDetailKeys(event: TimelineEventResponse): string[] {
  const keys: string[] = [];
  for (const [name, list] of Object.entries(DETAIL_VOCABULARIES[event.kind] ?? {})) {
    const value = event.details[name];
    const codes = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    keys.push(...codes.map((code) => `vocab.${list}.${code}`));
  }
  return keys;
}

/** The sentence an event adds after its kind (translation key and parameters), or null: a reassignment names the managers (staff, not client data), each `isolate()`d. */
export function timelineSentence(event: TimelineEventResponse): { key: string; params: Record<string, string> } | null {
  if (event.kind !== 'reassigned') return null;
  const to = isolate(String(event.details['toManager'] ?? ''));
  const from = event.details['fromManager'];
  return typeof from === 'string' ? { key: 'reassignment.fromTo', params: { from: isolate(from), to } } : { key: 'reassignment.to', params: { to } };
}

/** Who did it (a staff name: the author of a conversation, whoever made an audited change), or null. */
export function timelineActor(event: TimelineEventResponse): string | null {
  const by = event.details['by'];
  return typeof by === 'string' && by !== '' ? by : null;
}

/** The language a `language_changed` event is about (its code), or null. */
export function timelineLanguage(event: TimelineEventResponse): string | null {
  const language = event.details['language'];
  return event.kind === 'language_changed' && typeof language === 'string' ? language : null;
}

/** Verlauf: everything that happened, newest first (codes only; the tabs show the content). */
@Component({
  selector: 'ww-timeline-tab',
  imports: [DatePipe, TranslocoDirective, DisplayNamePipe, IsolatePipe, UserText],
  templateUrl: './timeline-tab.html',
  styleUrl: './tab.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TimelineTab extends FileTab {
  private readonly api = inject(ClientsApi);

  protected readonly timeline = toSignal(
    this.api.timeline(this.file()?.client.id ?? '').pipe(
      map((response): TimelineState => ({ status: 'loaded', items: [...response.items].sort((a, b) => b.at.localeCompare(a.at)) })),
      catchError(() => of<TimelineState>({ status: 'failed' })),
      startWith<TimelineState>({ status: 'loading' }),
    ),
    { requireSync: true },
  );

  protected readonly detailKeys = timelineDetailKeys;
  protected readonly sentence = timelineSentence;
  protected readonly actor = timelineActor;
  protected readonly language = timelineLanguage;
}
