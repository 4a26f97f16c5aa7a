import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/core';
import { API_ROUTES, USER_ACTIONS, UserResponse } from '@wegweiser/shared/contracts';
import { AccountSecurityService } from './account-security.service';

/** `POST /api/users/:id/unlock` and `/reset-second-factor`: no body, the changed account as the answer. */
@ApiTags('users')
@RequirePermission('user:manage')
@Controller(API_ROUTES.users)
export class AccountSecurityController {
  constructor(private readonly security: AccountSecurityService) {}

  @Post(`:id/${USER_ACTIONS.unlock}`)
  @HttpCode(200)
  unlock(@Param('id', ParseUUIDPipe) id: string): Promise<UserResponse> {
    return this.security.unlock(id);
  }

  @Post(`:id/${USER_ACTIONS.resetSecondFactor}`)
  @HttpCode(200)
  resetSecondFactor(@Param('id', ParseUUIDPipe) id: string): Promise<UserResponse> {
    return this.security.resetSecondFactor(id);
  }
}
