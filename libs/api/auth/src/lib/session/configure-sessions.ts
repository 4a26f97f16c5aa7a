import './session-data';
import { ForbiddenException } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AuditService } from '@wegweiser/api/audit';
import { apiMiddlewareErrors, AppConfig } from '@wegweiser/api/core';
import { AUTH_ERROR_CODES, CSRF_HEADER, SESSION_COOKIE } from '@wegweiser/shared/contracts';
import connectPgSimple from 'connect-pg-simple';
import cookieParser from 'cookie-parser';
import { doubleCsrf } from 'csrf-csrf';
import type { NextFunction, Request, Response } from 'express';
import session from 'express-session';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { AuthChanges } from '@wegweiser/api/database';
import { cacheSessions } from './cached-sessions';
import { CsrfRefusals } from './csrf-refusals';
import { CsrfTokens } from './csrf-tokens';
import { throttleTouch, touchIntervalMs } from './throttled-touch';

const CsrfTokensRef = { token: CsrfTokens };

export interface SessionSettings {
  secret: string;
  idleTimeoutSeconds: number;
  /** Cookies get `Secure` when the request came over HTTPS (behind a trusted proxy). */
  secureCookies: 'auto' | boolean;
}

/** `fresh`: a new token (after the session id changed); otherwise the current one is reused if still valid. */
export type CsrfTokenIssuer = (req: Request, res: Response, fresh: boolean) => string;

/**
 * Server-side sessions in PostgreSQL (`user_session`) and CSRF protection
 * (signed double-submit cookie bound to the session) for every state-changing
 * request under /api. Returns the function that issues CSRF tokens.
 */
export function configureSessions(app: NestExpressApplication, config: AppConfig, settings: SessionSettings): CsrfTokenIssuer {
  const PgStore = connectPgSimple(session);
  const pool = (app.get(DataSource).driver as unknown as { master: Pool }).master;
  app.use(cookieParser());
  app.use(
    session({
      name: SESSION_COOKIE,
      secret: settings.secret,
      // Read at most once per AUTH_CACHE_SECONDS per instance (evicted on any change, see cacheSessions); the rolling
      // expiry is written at most once per interval per session (not on every request).
      store: cacheSessions(
        throttleTouch(
          new PgStore({
            pool,
            tableName: 'user_session',
            createTableIfMissing: false,
            pruneSessionInterval: 300,
            // A prune that starts while the app shuts down finds the pool ended: expected, not an error worth a line.
            errorLog: (...args: unknown[]) => {
              if (!(pool as Pool & { ended?: boolean }).ended) console.error(...args);
            },
          }),
          touchIntervalMs(settings.idleTimeoutSeconds),
        ),
        app.get(AuthChanges),
        config.AUTH_CACHE_SECONDS * 1000,
      ),
      resave: false,
      saveUninitialized: false,
      rolling: true,
      proxy: config.TRUST_PROXY,
      cookie: {
        httpOnly: true,
        sameSite: 'strict',
        secure: settings.secureCookies,
        maxAge: settings.idleTimeoutSeconds * 1000,
        path: '/',
      },
    }),
  );

  const { doubleCsrfProtection, generateCsrfToken } = doubleCsrf({
    getSecret: () => settings.secret,
    // Before sign-in there is no session; the token is then bound to the anonymous state
    // and replaced at sign-in (the session id changes there too).
    getSessionIdentifier: (req) => (req.session?.userId ? req.sessionID : 'anonymous'),
    cookieName: 'ww.csrf',
    cookieOptions: { sameSite: 'strict', secure: settings.secureCookies === true, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: (req) => req.get(CSRF_HEADER),
    errorConfig: { statusCode: 403, message: 'Missing or invalid CSRF token.', code: AUTH_ERROR_CODES.csrfTokenInvalid },
  });
  const csrfRefusals = new CsrfRefusals(app.get(AuditService));
  app.use('/api', (req: Request, res: Response, next: NextFunction) =>
    doubleCsrfProtection(req, res, (error?: unknown) => {
      if (!error) return next();
      const refused = new ForbiddenException({ code: AUTH_ERROR_CODES.csrfTokenInvalid, message: 'Missing or invalid CSRF token.' });
      void csrfRefusals.refused(req.session).then(() => next(refused));
    }),
  );
  // Session store errors (database down: 503) and CSRF refusals answered here, not as 404 by the static-file handler.
  app.use('/api', apiMiddlewareErrors());
  return (req, res, fresh) => generateCsrfToken(req, res, { overwrite: fresh });
}

/** Sessions + CSRF on the app, and the CSRF issuer handed to the auth controller. */
export function configureAuth(app: NestExpressApplication, config: AppConfig, secret: string): void {
  const issuer = configureSessions(app, config, { secret, idleTimeoutSeconds: config.SESSION_IDLE_TIMEOUT_SECONDS, secureCookies: 'auto' });
  app.get(CsrfTokensRef.token).use(issuer);
}
