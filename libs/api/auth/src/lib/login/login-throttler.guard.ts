import { ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { ERROR_CODES } from '@wegweiser/shared/contracts';
import type { Response } from 'express';

/** 429 in the API's error shape, with a plain `Retry-After` (seconds): sign-in, second factor, password change. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader('Retry-After', String(Math.max(1, Math.ceil(detail.timeToBlockExpire))));
    throw new HttpException({ code: ERROR_CODES.tooManyRequests, message: 'Too many attempts. Please wait a moment.' }, HttpStatus.TOO_MANY_REQUESTS);
  }
}
