import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { isApiErrorResponse } from '@wegweiser/client/data-access';
import { AUTH_ERROR_CODES } from '@wegweiser/shared/contracts';
import { catchError, throwError } from 'rxjs';
import { AuthService } from './auth.service';

/**
 * A 401 from the API while signed in means the server has ended the session
 * (account deactivated, password or second factor reset by the
 * administration, absolute timeout): forget it and go to the sign-in page.
 * The sign-in steps (`/api/auth/…`) answer 401 for wrong credentials and are
 * left to their forms, unless the answer says the session is gone
 * (`sessionExpired`: e.g. too many wrong current passwords locked the account).
 */
export const sessionEndedInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      const ended =
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        request.url.startsWith('/api/') &&
        (!request.url.startsWith('/api/auth/') || (isApiErrorResponse(error.error) && error.error.code === AUTH_ERROR_CODES.sessionExpired)) &&
        auth.me() !== null;
      if (ended) {
        void auth.expire().then(() => router.navigateByUrl('/anmelden'));
      }
      return throwError(() => error);
    }),
  );
};
