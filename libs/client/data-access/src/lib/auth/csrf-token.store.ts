import { Injectable, signal } from '@angular/core';

/**
 * The latest CSRF token of the session, in memory only (never in browser
 * storage). The client's AuthService refreshes it from every session answer;
 * `csrfInterceptor` sends it with every state-changing request.
 */
@Injectable({ providedIn: 'root' })
export class CsrfTokenStore {
  private readonly current = signal<string | null>(null);
  readonly token = this.current.asReadonly();

  set(token: string | null): void {
    this.current.set(token);
  }
}
