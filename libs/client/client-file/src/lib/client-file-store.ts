import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { ClientsApi } from '@wegweiser/client/data-access';
import { ClientFileResponse } from '@wegweiser/shared/contracts';
import { Subject, catchError, map, merge, of, startWith, switchMap } from 'rxjs';

export type ClientFileState =
  | { status: 'loading' }
  | { status: 'loaded'; file: ClientFileResponse }
  | { status: 'notFound' }
  | { status: 'failed' };

/** A 404 (unknown, or another team's client) or a malformed id: there is nothing to show. */
export function isNotFound(error: unknown): boolean {
  return error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400);
}

/**
 * The file of the client in the route (`:clientId`), for the page and its tabs.
 * Provided by the file page; nothing of a client is exposed before its file loaded.
 */
@Injectable()
export class ClientFileStore {
  private readonly api = inject(ClientsApi);
  private readonly reloads = new Subject<void>();
  private readonly clientId$ = inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('clientId') ?? ''));

  readonly state = signal<ClientFileState>({ status: 'loading' });
  /** True while a reload runs behind a file that stays shown. */
  readonly refreshing = signal(false);
  readonly file = computed(() => {
    const state = this.state();
    return state.status === 'loaded' ? state.file : null;
  });
  /** Write actions are shown only when the user may change this file (own caseload, open case). */
  readonly canEdit = computed(() => this.file()?.access.canEdit ?? false);

  constructor() {
    // A new client shows the loading state; a reload of the same client keeps the file on screen
    // (open forms and their typing stay) and swaps in the fresh one when it arrives.
    merge(
      this.clientId$.pipe(map((clientId) => ({ clientId, reload: false }))),
      this.reloads.pipe(map(() => ({ clientId: this.currentId, reload: true }))),
    )
      .pipe(
        switchMap(({ clientId, reload }) => {
          this.currentId = clientId;
          const keepShown = reload && this.state().status === 'loaded';
          this.refreshing.set(keepShown);
          const request = this.api.file(clientId).pipe(
            map((file): ClientFileState => ({ status: 'loaded', file })),
            catchError((error: unknown) => of<ClientFileState>({ status: isNotFound(error) ? 'notFound' : 'failed' })),
          );
          return keepShown ? request : request.pipe(startWith<ClientFileState>({ status: 'loading' }));
        }),
        takeUntilDestroyed(),
      )
      .subscribe((state) => {
        this.refreshing.set(false);
        this.state.set(state);
      });
  }

  private currentId = '';

  reload(): void {
    this.reloads.next();
  }
}
