import { Injectable, Injector, inject } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';

const DURATION_MS = 8000;

/**
 * Shows a translated error message in a snackbar. The snackbar (overlay,
 * portal, button) is loaded on the first error, which keeps it out of the
 * initial bundle.
 */
@Injectable({ providedIn: 'root' })
export class ErrorNotifier {
  private readonly injector = inject(Injector);
  private readonly transloco = inject(TranslocoService);

  async notify(messageKey: string): Promise<void> {
    const { MatSnackBar } = await import('@angular/material/snack-bar');
    this.injector
      .get(MatSnackBar)
      .open(this.transloco.translate(messageKey), this.transloco.translate('common.close'), {
        duration: DURATION_MS,
      });
  }
}
