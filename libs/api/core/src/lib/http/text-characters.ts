/*
 * Which characters a text field of a request may not hold (issue 18, point 7). Letters, marks and digits of every
 * script pass; what is refused is what changes how *other* text is shown (bidi controls), what is not text at all
 * (controls) and, in single-line fields (names, titles, search text), what is invisible: a name like `Ali\u202Egnp.exe`
 * shows as `Aliexe.png` in lists and PDFs, and `Ali\u200B` looks like `Ali` but is another client.
 */

/**
 * Refused in every string of every request body, multi-line text included: C0 controls except TAB, LF and CR
 * (NUL among them: PostgreSQL cannot store it), DEL and the C1 controls (U+007F–U+009F, NEL among them), the bidi
 * embeddings and overrides (U+202A–U+202E: LRE, RLE, PDF, LRO, RLO) and the bidi isolates (U+2066–U+2069: LRI, RLI,
 * FSI, PDI). They reorder or hide what follows them, also outside the field (a list row, a PDF line).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_EVERYWHERE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/**
 * Refused in single-line fields in addition: line breaks (TAB, LF, CR, U+2028, U+2029) and invisible characters
 * that make two equal-looking values differ or a value look empty: soft hyphen U+00AD, combining grapheme joiner
 * U+034F, Arabic letter mark U+061C, the Hangul fillers U+115F, U+1160, U+3164, U+FFA0, Mongolian vowel separator
 * U+180E, zero width space U+200B, LRM/RLM U+200E/U+200F, word joiner and invisible operators U+2060–U+2064, the
 * deprecated format characters U+206A–U+206F, braille blank U+2800, byte order mark / zero width no-break space
 * U+FEFF, the interlinear annotation characters U+FFF9–U+FFFB and the language tag U+E0001.
 * Kept: ZWNJ U+200C (Persian orthography: می‌خواهم) and ZWJ U+200D (emoji sequences, Indic scripts).
 * (U+034F stands outside the class: a combining mark inside one reads as if it combined with its neighbour.)
 */
const FORBIDDEN_IN_SINGLE_LINE =
  /\u034F|[\t\n\r\u2028\u2029\u00AD\u061C\u115F\u1160\u180E\u200B\u200E\u200F\u2060-\u2064\u206A-\u206F\u2800\u3164\uFEFF\uFFA0\uFFF9-\uFFFB\u{E0001}]/u;

/**
 * A variation selector (U+FE00–U+FE0F, U+E0100–U+E01EF) is invisible; it belongs after an emoji or a symbol that has
 * an emoji form (❤️, 1️⃣) or a Han character (ideographic variants). Anywhere else — after a Latin letter, at the
 * start, after another selector (the "emoji smuggling" trick hides bytes in a run of them) — it is refused.
 */
const STRAY_VARIATION_SELECTOR = /(?<![\p{Emoji}\p{Script=Han}])[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;

/** An emoji tag sequence: the black flag, a subdivision code in tag letters and digits, the cancel tag (🏴󠁧󠁢󠁳󠁣󠁴󠁿). */
const EMOJI_TAG_SEQUENCE = /\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{2,7}\u{E007F}/gu;

/** Tag characters (U+E0020–U+E007F) mirror ASCII invisibly; outside an emoji tag sequence they only hide text. */
const TAG_CHARACTER = /[\u{E0020}-\u{E007F}]/u;

/**
 * Whether `value` holds a character refused in a field of its kind: in every field the controls and bidi overrides
 * above; in a single-line field (`multiLine` false, the default of every request field) also line breaks, tabs and
 * invisible characters.
 */
export function forbiddenCharacterIn(value: string, multiLine: boolean): boolean {
  return firstForbiddenCharacter(value, multiLine) !== null;
}

/**
 * The first refused character of `value` as `U+XXXX` (for a reason a person can act on, e.g. in the partner
 * import), or `null` when there is none.
 */
export function firstForbiddenCharacter(value: string, multiLine: boolean): string | null {
  const found = FORBIDDEN_EVERYWHERE.exec(value) ?? (multiLine ? null : singleLineProblem(value));
  return found ? codePointLabel(found[0]) : null;
}

function singleLineProblem(value: string): RegExpExecArray | null {
  return FORBIDDEN_IN_SINGLE_LINE.exec(value) ?? STRAY_VARIATION_SELECTOR.exec(value) ?? TAG_CHARACTER.exec(value.replace(EMOJI_TAG_SEQUENCE, ''));
}

function codePointLabel(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
