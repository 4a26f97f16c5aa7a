import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { ClientsApi } from '@wegweiser/client/data-access';
import {
  SupportWindowBar,
  SupportWindowProgress,
  activeLocale,
  latinName,
  originalName,
  supportWindowProgress,
} from '@wegweiser/client/ui';
import {
  CLIENT_LIMITS,
  CLIENT_SORTS,
  ClientListItemResponse,
  ClientListQuery,
  ClientSort,
  FIELDS_OF_ACTION,
  FieldOfAction,
  SUPPORT_STATES,
  SupportState,
} from '@wegweiser/shared/contracts';
import { Subject, Subscription, combineLatest, debounceTime, distinctUntilChanged, map, startWith, switchMap, catchError, of, tap } from 'rxjs';

/** Wait this long after the last keystroke before searching. */
export const SEARCH_DEBOUNCE_MS = 300;
export const CASELOAD_PAGE_SIZE = CLIENT_LIMITS.pageSizeDefault;

interface CaseloadRow {
  client: ClientListItemResponse;
  latin: string;
  original: string | null;
  progress: SupportWindowProgress;
  windowKey: string;
  months: number;
}

type LoadState = 'loading' | 'loaded' | 'failed';

function windowKey(progress: SupportWindowProgress): string {
  if (progress.ended) return 'window.ended';
  if (progress.monthsLeft === 0) return 'window.lessThanMonth';
  return progress.monthsLeft === 1 ? 'window.oneMonthLeft' : 'window.monthsLeft';
}

function toRow(client: ClientListItemResponse): CaseloadRow {
  const progress = supportWindowProgress(client.supportStart, client.supportWindowEnd);
  return {
    client,
    latin: latinName(client),
    original: originalName(client),
    progress,
    windowKey: windowKey(progress),
    months: progress.monthsLeft,
  };
}

/**
 * "Mein Fallbestand": search as you type, filters, sort, keyset paging
 * ("Weitere laden"); rows show last contact and open goals, and the write
 * action only where the API says the user may change the file.
 */
@Component({
  selector: 'ww-caseload-page',
  imports: [
    DatePipe,
    DecimalPipe,
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatFormFieldModule,
    MatInput,
    MatProgressBar,
    MatSelectModule,
    MatTableModule,
    TranslocoDirective,
    SupportWindowBar,
  ],
  templateUrl: './caseload-page.html',
  styleUrl: './caseload-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseloadPage {
  private readonly api = inject(ClientsApi);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly reloads = new Subject<void>();
  private query: ClientListQuery = {};
  private more?: Subscription;

  protected readonly locale = activeLocale(inject(TranslocoService));
  protected readonly states = SUPPORT_STATES;
  protected readonly fields = FIELDS_OF_ACTION;
  protected readonly sorts = CLIENT_SORTS;
  protected readonly columns = ['name', 'caseNumber', 'state', 'supportWindow', 'lastContact', 'openGoals', 'actions'];
  protected readonly searchMaxLength = CLIENT_LIMITS.searchMaxLength;

  protected readonly search = new FormControl('', { nonNullable: true });
  /** A cursor belongs to its sort: changing it starts again at the first page. */
  protected readonly sort = new FormControl<ClientSort>('name', { nonNullable: true });
  protected readonly filters = new FormGroup({
    state: new FormControl<SupportState | ''>('', { nonNullable: true }),
    windowEndsBefore: new FormControl('', { nonNullable: true }),
    fieldOfAction: new FormControl<FieldOfAction | ''>('', { nonNullable: true }),
    lastContactBefore: new FormControl('', { nonNullable: true }),
  });

  protected readonly state = signal<LoadState>('loading');
  protected readonly loadingMore = signal(false);
  private readonly clients = signal<ClientListItemResponse[]>([]);
  protected readonly total = signal(0);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly rows = computed(() => this.clients().map(toRow));

  constructor() {
    const searchTerm$ = this.search.valueChanges.pipe(
      map((value) => value.trim()),
      debounceTime(SEARCH_DEBOUNCE_MS),
      startWith(''),
      distinctUntilChanged(),
    );
    const filters$ = this.filters.valueChanges.pipe(
      startWith(undefined),
      map(() => this.filters.getRawValue()),
    );
    const sort$ = this.sort.valueChanges.pipe(startWith(this.sort.value), distinctUntilChanged());
    combineLatest([searchTerm$, filters$, sort$, this.reloads.pipe(startWith(undefined))])
      .pipe(
        map(([q, filters, sort]): ClientListQuery => ({
          q: q || undefined,
          state: filters.state || undefined,
          windowEndsBefore: filters.windowEndsBefore || undefined,
          fieldOfAction: filters.fieldOfAction || undefined,
          lastContactBefore: filters.lastContactBefore || undefined,
          sort: sort === 'name' ? undefined : sort,
        })),
        tap((query) => {
          this.query = query;
          this.more?.unsubscribe();
          this.loadingMore.set(false);
          this.state.set('loading');
        }),
        switchMap((query) =>
          this.api.list({ ...query, pageSize: CASELOAD_PAGE_SIZE }).pipe(catchError(() => of(null))),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((page) => {
        if (!page) {
          this.state.set('failed');
          return;
        }
        this.clients.set(page.items);
        this.total.set(page.total);
        this.nextCursor.set(page.nextCursor);
        this.state.set('loaded');
      });
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.more = this.api
      .list({ ...this.query, pageSize: CASELOAD_PAGE_SIZE, cursor })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.clients.update((clients) => [...clients, ...page.items]);
          this.total.set(page.total);
          this.nextCursor.set(page.nextCursor);
          this.loadingMore.set(false);
        },
        error: () => this.loadingMore.set(false),
      });
  }

  protected retry(): void {
    this.reloads.next();
  }

  protected resetFilters(): void {
    this.filters.reset();
  }

  /** A click anywhere on the row opens the file (links and buttons in it keep their own action). */
  protected open(row: CaseloadRow, event: Event): void {
    if (event.target instanceof Element && event.target.closest('a, button')) return;
    void this.router.navigate(['/klienten', row.client.id]);
  }
}
