import type { SessionData, Store } from 'express-session';

/** At most this many sessions remembered per instance; older entries are dropped first (a dropped one is simply touched again). */
const MAX_REMEMBERED = 50_000;

/**
 * Rolling sessions extend their expiry on every request (`store.touch`, an
 * UPDATE of `user_session`). This lets one instance write that extension at
 * most once per `intervalMs` per session: the stored expiry then lags the
 * cookie's by less than the interval, so an idle session ends between
 * `idleTimeout − interval` and `idleTimeout` after the last request.
 * Saving a changed session (`set`) counts as a touch; `destroy` forgets it.
 * Several instances each keep their own memory: each still touches at least
 * once per interval, so no session ends early because of another instance.
 */
export function throttleTouch<S extends Store>(store: S, intervalMs: number, now: () => number = Date.now): S {
  const touch = store.touch?.bind(store);
  if (!touch || intervalMs <= 0) return store;
  const touchedAt = new Map<string, number>();
  const remember = (sid: string) => {
    touchedAt.delete(sid);
    touchedAt.set(sid, now());
    if (touchedAt.size > MAX_REMEMBERED) touchedAt.delete(touchedAt.keys().next().value as string);
  };

  store.touch = (sid: string, session: SessionData, callback?: (err?: unknown) => void) => {
    const last = touchedAt.get(sid);
    if (last !== undefined && now() - last < intervalMs) {
      callback?.();
      return;
    }
    touch(sid, session, (error?: unknown) => {
      if (!error) remember(sid);
      callback?.(error);
    });
  };

  const set = store.set.bind(store);
  store.set = (sid: string, session: SessionData, callback?: (err?: unknown) => void) =>
    set(sid, session, (error?: unknown) => {
      if (!error) remember(sid);
      callback?.(error);
    });

  const destroy = store.destroy.bind(store);
  store.destroy = (sid: string, callback?: (err?: unknown) => void) => {
    touchedAt.delete(sid);
    destroy(sid, callback);
  };
  return store;
}

/** A tenth of the idle timeout, at most a minute. */
export const touchIntervalMs = (idleTimeoutSeconds: number) => Math.min(60_000, (idleTimeoutSeconds * 1000) / 10);
