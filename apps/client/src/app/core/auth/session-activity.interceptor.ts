import { HttpErrorResponse, HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { tap } from 'rxjs';
import { SessionTimeout } from './session-timeout';

/** Every API answer is activity in the server's eyes: restart the idle countdown. */
export const sessionActivityInterceptor: HttpInterceptorFn = (request, next) => {
  const timeout = inject(SessionTimeout);
  const isApi = request.url.startsWith('/api/');
  return next(request).pipe(
    tap({
      next: (event) => {
        if (isApi && event instanceof HttpResponse) {
          timeout.touch();
        }
      },
      error: (error: unknown) => {
        if (isApi && error instanceof HttpErrorResponse && error.status !== 0) {
          timeout.touch();
        }
      },
    }),
  );
};
