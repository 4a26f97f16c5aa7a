import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { PlanReviewsApi, SupportExtensionsApi, isApiErrorResponse } from '@wegweiser/client/data-access';
import { activeLocale, latinName, originalName } from '@wegweiser/client/ui';
import { SupportExtensionListItemResponse } from '@wegweiser/shared/contracts';
import { Observable, Subject, catchError, map, of, startWith, switchMap } from 'rxjs';

/** A list as the page shows it: loading, loaded or failed. */
export type ListState<T> = { status: 'loading' } | { status: 'loaded'; items: T[] } | { status: 'failed' };

/** Whole months from the current window end to the requested one (what the extension adds). */
export function monthsBetween(from: string, until: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [uy, um, ud] = until.split('-').map(Number);
  const months = (uy - fy) * 12 + (um - fm) - (ud < fd ? 1 : 0);
  return Math.max(0, months);
}

/** Loads `source` now and after every `reloads` emission, as a list state (loading only on the first load). */
function listState<T>(reloads: Subject<void>, source: () => Observable<T[]>): Observable<ListState<T>> {
  return reloads.pipe(
    startWith(undefined),
    switchMap(() =>
      source().pipe(
        map((items): ListState<T> => ({ status: 'loaded', items })),
        catchError(() => of<ListState<T>>({ status: 'failed' })),
      ),
    ),
    startWith<ListState<T>>({ status: 'loading' }),
  );
}

/**
 * Freigaben: what waits for the team lead. Plans submitted for sign-off link
 * to the client's plan (approved or returned there, next to its content);
 * extension requests are approved or rejected here, with the justification
 * in view.
 */
@Component({
  selector: 'ww-approvals-page',
  imports: [DatePipe, MatButton, MatProgressBar, RouterLink, TranslocoDirective],
  templateUrl: './approvals-page.html',
  styleUrl: './approvals-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApprovalsPage {
  private readonly plansApi = inject(PlanReviewsApi);
  private readonly extensionsApi = inject(SupportExtensionsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly extensionReloads = new Subject<void>();
  protected readonly locale = activeLocale(this.transloco);

  protected readonly plans = toSignal(listState(new Subject<void>(), () => this.plansApi.list('submitted')), { requireSync: true });
  protected readonly extensions = toSignal(listState(this.extensionReloads, () => this.extensionsApi.list('pending')), { requireSync: true });
  /** The extension being decided (its buttons are disabled meanwhile). */
  protected readonly deciding = signal<string | null>(null);

  protected readonly latinName = latinName;
  protected readonly originalName = originalName;
  protected readonly monthsBetween = monthsBetween;

  protected decide(item: SupportExtensionListItemResponse, decision: 'approve' | 'reject'): void {
    if (this.deciding()) return;
    this.deciding.set(item.extension.id);
    const body = { version: item.extension.version };
    const call = decision === 'approve' ? this.extensionsApi.approve(item.extension.id, body) : this.extensionsApi.reject(item.extension.id, body);
    const name = latinName(item.client);
    call.subscribe({
      next: () => {
        this.deciding.set(null);
        this.snackBar.open(this.transloco.translate(`approvals.extensions.${decision === 'approve' ? 'approved' : 'rejected'}`, { name }), undefined, { duration: 4000 });
        this.extensionReloads.next();
      },
      error: (error: unknown) => {
        this.deciding.set(null);
        const code = error instanceof HttpErrorResponse && isApiErrorResponse(error.error) ? error.error.code : '';
        const known = ['staleVersion', 'extensionDecided'].includes(code);
        this.snackBar.open(this.transloco.translate(`approvals.extensions.failure.${known ? 'decided' : 'other'}`), undefined, { duration: 6000 });
        if (known) this.extensionReloads.next();
      },
    });
  }
}
