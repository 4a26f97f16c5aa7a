import { Signal, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Event, NavigationCancel, NavigationEnd, NavigationError, NavigationStart, Router } from '@angular/router';
import { filter, map } from 'rxjs';

/** True from the start of a navigation until it ends (done, cancelled or failed); for a progress indicator. */
export function navigationPending(router: Router = inject(Router)): Signal<boolean> {
  return toSignal(
    router.events.pipe(
      filter(
        (event: Event) =>
          event instanceof NavigationStart || event instanceof NavigationEnd || event instanceof NavigationCancel || event instanceof NavigationError,
      ),
      map((event) => event instanceof NavigationStart),
    ),
    { initialValue: false },
  );
}
