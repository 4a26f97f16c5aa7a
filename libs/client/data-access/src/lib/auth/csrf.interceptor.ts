import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { CSRF_HEADER } from '@wegweiser/shared/contracts';
import { CsrfTokenStore } from './csrf-token.store';

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Same-origin requests only: relative URLs, never another host. */
function isSameOrigin(url: string): boolean {
  return !/^[a-z][a-z\d+\-.]*:/i.test(url) && !url.startsWith('//');
}

/** Adds `X-CSRF-Token` with the session's latest token to every state-changing same-origin request. */
export const csrfInterceptor: HttpInterceptorFn = (request, next) => {
  const token = inject(CsrfTokenStore).token();
  if (!token || SAFE_METHODS.has(request.method) || !isSameOrigin(request.url)) {
    return next(request);
  }
  return next(request.clone({ setHeaders: { [CSRF_HEADER]: token } }));
};
