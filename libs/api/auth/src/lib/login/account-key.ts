import type { ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import '../session/session-data';
import { AuthController } from './auth.controller';

/**
 * The account a rate-limited request is against: at sign-in the e-mail tried; on the signed-in steps (second factor,
 * password change) the session's account — never an `email` sent along in their bodies, which would pick the counter.
 */
export const accountKey = (req: Request, context: ExecutionContext): string => {
  if (context.getHandler() !== AuthController.prototype.login) return `user:${req.session?.userId ?? 'none'}`;
  const email: unknown = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? `account:${email.trim().toLowerCase()}` : `ip:${req.ip ?? 'unknown'}`;
};
