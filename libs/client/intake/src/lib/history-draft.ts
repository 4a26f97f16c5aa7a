/**
 * The intake draft kept in the state of the page's own history entry
 * (`history.state`), not in localStorage/sessionStorage or a cookie: it
 * survives a reload of that tab and "Back" to the page, is gone with the tab,
 * is never sent to the server or shared with another tab, and is cleared
 * once the client is created. Angular's router keeps extra keys of the
 * entry's state on the initial navigation after a reload.
 */
export const INTAKE_DRAFT_KEY = 'wwIntakeDraft';

/** The draft of the current history entry, if any. */
export function readHistoryDraft(history: History = window.history): unknown {
  const state: unknown = history.state;
  return typeof state === 'object' && state !== null ? (state as Record<string, unknown>)[INTAKE_DRAFT_KEY] : undefined;
}

/** Replaces the draft in the current history entry (other keys of the state, e.g. the router's, stay). `null` removes it. */
export function writeHistoryDraft(draft: object | null, history: History = window.history): void {
  const state: unknown = history.state;
  const next: Record<string, unknown> = typeof state === 'object' && state !== null ? { ...(state as Record<string, unknown>) } : {};
  if (draft) next[INTAKE_DRAFT_KEY] = draft;
  else delete next[INTAKE_DRAFT_KEY];
  history.replaceState(next, '');
}
