import { Injectable, UnauthorizedException } from '@nestjs/common';
import { ERROR_CODES } from '@wegweiser/shared/contracts';
import { ClsService, ClsStore } from 'nestjs-cls';
import { RequestUser } from './request-user';

export interface WegweiserClsStore extends ClsStore {
  user?: RequestUser;
  requestId?: string;
}

/** Who is asking, in which municipality, under which request id (request-scoped via AsyncLocalStorage). */
@Injectable()
export class TenantContext {
  constructor(private readonly cls: ClsService<WegweiserClsStore>) {}

  user(): RequestUser | undefined {
    return this.cls.isActive() ? this.cls.get('user') : undefined;
  }

  requireUser(): RequestUser {
    const user = this.user();
    if (!user) throw new UnauthorizedException({ code: ERROR_CODES.unauthorized, message: 'Not signed in.' });
    return user;
  }

  setUser(user: RequestUser | undefined): void {
    this.cls.set('user', user);
  }

  requestId(): string | undefined {
    return this.cls.isActive() ? this.cls.get('requestId') : undefined;
  }
}
