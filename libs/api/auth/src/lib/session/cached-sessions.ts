import { createHash } from 'node:crypto';
import { FreshCache, type AuthChanges } from '@wegweiser/api/database';
import type { SessionData, Store } from 'express-session';

/** The key a session is announced under (md5 of its id, as the trigger of migration NotifyAuthChanges sends it). */
export const sessionKey = (sid: string) => createHash('md5').update(sid).digest('hex');

/**
 * Sessions read at most once per `ttlMs` per instance (`store.get` is a query on every request otherwise): the
 * session as stored is remembered as JSON (a fresh copy for every request), evicted when the database announces a
 * change of it (`AuthChanges`: saved, touched, destroyed or pruned on any instance), and not used while the
 * instance is not listening. Saving or destroying on this instance forgets it at once.
 */
export function cacheSessions<S extends Store>(store: S, changes: AuthChanges, ttlMs: number): S {
  const cache = new FreshCache<string | null>(changes, ttlMs);
  changes.on('session', (key) => cache.evict(key));
  changes.onReset(() => cache.clear());

  const get = store.get.bind(store);
  const read = (sid: string) =>
    new Promise<string | null>((resolve, reject) =>
      get(sid, (error: unknown, session?: SessionData | null) => (error ? reject(error) : resolve(session ? JSON.stringify(session) : null))),
    );
  store.get = (sid: string, callback: (err: unknown, session?: SessionData | null) => void) => {
    cache.get(sessionKey(sid), () => read(sid), (json) => json !== null).then(
      (json) => callback(null, json === null ? null : (JSON.parse(json) as SessionData)),
      (error: unknown) => callback(error),
    );
  };

  const set = store.set.bind(store);
  store.set = (sid: string, session: SessionData, callback?: (err?: unknown) => void) => {
    cache.evict(sessionKey(sid));
    set(sid, session, (error?: unknown) => {
      cache.evict(sessionKey(sid));
      callback?.(error);
    });
  };

  const destroy = store.destroy.bind(store);
  store.destroy = (sid: string, callback?: (err?: unknown) => void) => {
    cache.evict(sessionKey(sid));
    destroy(sid, (error?: unknown) => {
      cache.evict(sessionKey(sid));
      callback?.(error);
    });
  };
  return store;
}
