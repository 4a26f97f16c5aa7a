import { Pipe, PipeTransform } from '@angular/core';

/** FIRST STRONG ISOLATE: what follows, up to the matching POP DIRECTIONAL ISOLATE, takes its direction from its first strong character. */
export const FIRST_STRONG_ISOLATE = '\u2068';
export const POP_DIRECTIONAL_ISOLATE = '\u2069';

/**
 * Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): in a
 * user's text they could reach out of it (an unmatched PDI closes our isolate)
 * or make it read differently (`Ali\u202Egnp.exe` shows as "Aliexe.png").
 */
const SCOPE_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** A user's text without embeddings, overrides and isolates. */
export function withoutBidiControls(text: string): string {
  return text.replace(SCOPE_CONTROLS, '');
}

/**
 * A user-entered text (a name, a title) for a plain string around it: a
 * Transloco parameter, a snack bar, the document title, a `confirm()`.
 * Wrapped in FSI … PDI, so an Arabic name or a name ending in digits or
 * brackets cannot reorder the sentence ("Akte von ⁨مريم 2)⁩ gespeichert"),
 * and stripped of bidi controls first. In a template, put the text in a
 * `<bdi>` (or an element with `dir="auto"`) instead; this is for where no
 * element can go.
 */
export function isolate(text: string | null | undefined): string {
  if (text === null || text === undefined || text === '') return '';
  return `${FIRST_STRONG_ISOLATE}${withoutBidiControls(text)}${POP_DIRECTIONAL_ISOLATE}`;
}

/** `isolate()` in a template, for a Transloco parameter: `t('by', { name: r.name | isolate })`. */
@Pipe({ name: 'isolate' })
export class IsolatePipe implements PipeTransform {
  transform(text: string | null | undefined): string {
    return isolate(text);
  }
}
