import './session-data';
import type { Request } from 'express';
import type { Session, SessionData } from 'express-session';

/** A fresh session id for a fresh sign-in (prevents session fixation). */
export function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((error?: unknown) => (error ? reject(error) : resolve())));
}

export function save(session: Session & Partial<SessionData>): Promise<void> {
  return new Promise((resolve, reject) => session.save((error?: unknown) => (error ? reject(error) : resolve())));
}

export function destroy(req: Request): Promise<void> {
  return new Promise((resolve) => (req.session ? req.session.destroy(() => resolve()) : resolve()));
}
