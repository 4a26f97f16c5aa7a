import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE } from './isolate';

/** A piece of a message: translated text, or a user's text to show isolated. */
export interface MessagePart {
  text: string;
  user: boolean;
}

/**
 * Splits a message at the user texts `isolate()` marked (FSI … PDI). The
 * marks never occur inside a marked text (`isolate()` strips them), so the
 * split is unambiguous; an unmatched FSI runs to the end.
 */
export function messageParts(message: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let rest = message;
  while (rest) {
    const start = rest.indexOf(FIRST_STRONG_ISOLATE);
    if (start < 0) {
      parts.push({ text: rest, user: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), user: false });
    const end = rest.indexOf(POP_DIRECTIONAL_ISOLATE, start + 1);
    const stop = end < 0 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), user: true });
    rest = rest.slice(stop + 1);
  }
  return parts.filter((part) => part.text !== '' || part.user);
}

/**
 * A translated sentence with user-entered parts, e.g.
 * `<ww-user-text [text]="t('by', { name: (r.name | isolate) })" />`: each part
 * `isolate()` marked is shown in its own `<bdi>`, so an Arabic name or a name
 * ending in digits or brackets cannot reorder the sentence around it. The
 * marks themselves are not in the page (its text reads as the plain sentence).
 */
@Component({
  selector: 'ww-user-text',
  template: `@for (part of parts(); track $index) {@if (part.user) {<bdi>{{ part.text }}</bdi>} @else {<ng-container>{{ part.text }}</ng-container>} }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserText {
  readonly text = input.required<string>();
  protected readonly parts = computed(() => messageParts(this.text()));
}
