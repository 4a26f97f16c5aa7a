import { Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';

/** The active UI language (`de`, `en`) as a signal, for date and number pipes. Call in an injection context. */
export function activeLocale(transloco: TranslocoService): Signal<string> {
  return toSignal(transloco.langChanges$, { initialValue: transloco.getActiveLang() });
}
