import '../session/session-data';
import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuditService } from '@wegweiser/api/audit';
import { APP_CONFIG, AppConfig, PERMISSION_KEY, PUBLIC_KEY, RequestUser, SIGNED_IN_KEY, TenantContext } from '@wegweiser/api/core';
import { AuthChanges, FreshCache, REQUEST_ACCOUNT_SQL, TenantTransactions } from '@wegweiser/api/database';
import { AUTH_ERROR_CODES, ERROR_CODES, hasPermission, Permission } from '@wegweiser/shared/contracts';
import type { Request } from 'express';
import { refusedTarget } from './refused-target';

export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'signedIn'; pendingSecondFactor: boolean }
  | { kind: 'permission'; permission: Permission }
  | { kind: 'undeclared' };

/** What a handler declares (method first, then its controller). */
export function routeAccess(reflector: Reflector, targets: Parameters<Reflector['getAllAndOverride']>[1]): RouteAccess {
  const permission = reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
  if (permission) return { kind: 'permission', permission };
  const signedIn = reflector.getAllAndOverride<{ pendingSecondFactor?: boolean } | undefined>(SIGNED_IN_KEY, targets);
  if (signedIn) return { kind: 'signedIn', pendingSecondFactor: !!signedIn.pendingSecondFactor };
  if (reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets)) return { kind: 'public' };
  return { kind: 'undeclared' };
}

const unauthorized = (code: string = ERROR_CODES.unauthorized) =>
  new UnauthorizedException({ code, message: code === AUTH_ERROR_CODES.sessionExpired ? 'The session has ended. Please sign in again.' : 'Please sign in.' });

/**
 * The global gate in front of every route. Fails closed: a route that
 * declares neither @Public, @SignedIn nor @RequirePermission is refused.
 * The signed-in account is read from the database, remembered by this
 * instance for at most AUTH_CACHE_SECONDS and evicted as soon as the
 * database announces a change of it (deactivation, role, team: on every
 * instance at once, see AuthChanges); while the instance is not listening,
 * it is read on every request.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);
  private readonly accounts: FreshCache<RequestUser | null>;

  constructor(
    private readonly reflector: Reflector,
    private readonly tenant: TenantContext,
    private readonly transactions: TenantTransactions,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    changes: AuthChanges,
  ) {
    this.accounts = new FreshCache(changes, config.AUTH_CACHE_SECONDS * 1000);
    changes.on('account', (userId) => this.accounts.evict(userId));
    changes.onReset(() => this.accounts.clear());
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = routeAccess(this.reflector, [context.getHandler(), context.getClass()]);
    if (access.kind === 'public') return true;
    if (access.kind === 'undeclared') {
      this.logger.error({ route: `${context.getClass().name}.${context.getHandler().name}` }, 'Route declares no permission: refused');
      throw new ForbiddenException({ code: AUTH_ERROR_CODES.routeWithoutPermission, message: 'This route is not available.' });
    }

    const request = context.switchToHttp().getRequest<Request>();
    const session = request.session;
    if (!session?.userId || !session.municipalityId) throw unauthorized();
    if (Date.now() - (session.signedInAt ?? 0) > this.config.SESSION_ABSOLUTE_TIMEOUT_SECONDS * 1000) {
      await new Promise<void>((resolve) => session.destroy(() => resolve()));
      throw unauthorized(AUTH_ERROR_CODES.sessionExpired);
    }
    // One round trip: the tenant settings and the account read in one statement (migration AddRequestAccountFunction).
    const { municipalityId, userId } = session;
    const read = async () => (await this.transactions.statement<{ account: RequestUser | null }>(REQUEST_ACCOUNT_SQL, [municipalityId, userId, userId]))[0]?.account ?? null;
    const remembered = await this.accounts.get(userId, read, (account) => account !== null);
    // An account belongs to one municipality; anything else is not the session's account: read under its tenant.
    const user = remembered === null || remembered.municipalityId === municipalityId ? remembered : await read();
    if (!user) {
      await new Promise<void>((resolve) => session.destroy(() => resolve()));
      throw unauthorized(AUTH_ERROR_CODES.sessionExpired);
    }
    this.tenant.setUser({ ...user });

    if (session.stage !== 'active' && !(access.kind === 'signedIn' && access.pendingSecondFactor)) {
      const code = session.stage === 'password_change' ? AUTH_ERROR_CODES.passwordChangeRequired : AUTH_ERROR_CODES.secondFactorRequired;
      throw new ForbiddenException({ code, message: 'Complete the sign-in first.' });
    }
    if (access.kind === 'permission' && !hasPermission(user.role, access.permission)) {
      // What it was aimed at (route, entity, client): the DPO's filter by client also finds who tried.
      const route = (request as Request & { route?: { path?: string } }).route;
      await this.audit.record({ action: 'denied', outcome: 'denied', ...refusedTarget(route?.path, request.params ?? {}) });
      throw new ForbiddenException({ code: ERROR_CODES.forbidden, message: 'You do not have permission for this.' });
    }
    return true;
  }
}
