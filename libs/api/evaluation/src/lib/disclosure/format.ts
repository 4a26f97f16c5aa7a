import type { ShareCell } from './share-rule';

/** Printed in place of every suppressed count or share; it is also the footnote marker. */
export const SUPPRESSED_MARK = '·';

/** Footnote for suppressed counts; `{k}` is replaced by the threshold. */
export const COUNT_FOOTNOTE = {
  de: '· = aus Datenschutzgründen nicht ausgewiesen: weniger als {k} Personen, oder gesperrt, damit ein anderer nicht ausgewiesener Wert nicht aus den Summen errechnet werden kann.',
  en: '· = not shown for data protection: fewer than {k} people, or withheld so that another value not shown cannot be recomputed from the totals.',
} as const;

/** Footnote for suppressed shares; `{k}` and `{2k}` are replaced. */
export const SHARE_FOOTNOTE = {
  de: '· = Anteil nicht ausgewiesen: Ein Anteil wird nur gezeigt, wenn mindestens {k} Personen das Merkmal haben, mindestens {k} es nicht haben und die Gruppe mindestens {2k} Personen umfasst.',
  en: '· = share not shown: a share is shown only if at least {k} people have the attribute, at least {k} do not, and the group has at least {2k} people.',
} as const;

/** Languages of the footnote constants. */
export type FootnoteLanguage = keyof typeof COUNT_FOOTNOTE;

/** The count footnote for threshold `k`. */
export function countFootnote(language: FootnoteLanguage, k: number): string {
  return COUNT_FOOTNOTE[language].replaceAll('{k}', String(k));
}

/** The share footnote for threshold `k`. */
export function shareFootnote(language: FootnoteLanguage, k: number): string {
  return SHARE_FOOTNOTE[language]
    .replaceAll('{2k}', String(2 * k))
    .replaceAll('{k}', String(k));
}

/** A published count in German notation ("1.234"), or "·" when suppressed. Locale-independent, so byte-stable. */
export function formatCount(value: number | null): string {
  if (value === null) return SUPPRESSED_MARK;
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * A published share as German percent with one decimal and a no-break space ("41,7 %"), or "·".
 * Rounded half up in integer arithmetic, so the same counts always print the same text.
 */
export function formatShare(share: ShareCell | null): string {
  if (share === null) return SUPPRESSED_MARK;
  const { numerator, denominator } = share;
  if (denominator <= 0) return SUPPRESSED_MARK;
  const tenthsOfPercent = Math.floor(
    (numerator * 2000 + denominator) / (2 * denominator),
  );
  const whole = Math.floor(tenthsOfPercent / 10);
  return `${formatCount(whole)},${tenthsOfPercent % 10}\u00a0%`;
}
