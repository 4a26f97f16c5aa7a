import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { HANDLES_ERRORS_LOCALLY } from '@wegweiser/client/data-access';
import { catchError, throwError } from 'rxjs';
import { ErrorNotifier } from './error-notifier';
import { errorMessageKey } from './error-message-key';

/**
 * The one place that tells the user about failed API calls: maps the API's
 * error shape (`ApiErrorResponse.code`) to the translated `errors.<code>`
 * (fallback `errors.network` / `errors.unknown`) and shows it in a snackbar.
 * The error is passed on, so callers can still react (e.g. show field errors
 * from `errors`). Requests marked with `HANDLES_ERRORS_LOCALLY` are left to
 * their caller.
 */
export const apiErrorInterceptor: HttpInterceptorFn = (request, next) => {
  if (request.context.get(HANDLES_ERRORS_LOCALLY)) {
    return next(request);
  }
  const notifier = inject(ErrorNotifier);

  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse) {
        notifier.notify(errorMessageKey(error)).catch((failure: unknown) => console.error(failure));
      }
      return throwError(() => error);
    }),
  );
};
