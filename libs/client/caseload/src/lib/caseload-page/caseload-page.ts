import { DatePipe, DecimalPipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, ViewContainerRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { BreakpointObserver } from '@angular/cdk/layout';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { ClientsApi, CurrentUser, ReassignmentApi } from '@wegweiser/client/data-access';
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
  ReassignClientsResponse,
  SUPPORT_STATES,
  SupportState,
  TeamManagerResponse,
  WINDOW_ENDING_SOON_MONTHS,
} from '@wegweiser/shared/contracts';
import { Subject, Subscription, combineLatest, debounceTime, distinctUntilChanged, map, startWith, switchMap, catchError, of, tap } from 'rxjs';
import { CaseloadSelection } from '../reassign/caseload-selection';
import { ReassignDialog, ReassignDialogData } from '../reassign/reassign-dialog';
import { caseloadLinkFilters, caseloadLinkParams, LinkedFilters } from './caseload-link-filters';

/** The caseload shows cards instead of the wide table up to this width (a tablet upright). */
export const CASELOAD_CARDS_QUERY = '(max-width: 768px)';

/** Wait this long after the last keystroke before searching. */
export const SEARCH_DEBOUNCE_MS = 300;
export const CASELOAD_PAGE_SIZE = CLIENT_LIMITS.pageSizeDefault;

interface CaseloadRow {
  client: ClientListItemResponse;
  latin: string;
  original: string | null;
  responsible: string | null;
  progress: SupportWindowProgress;
  windowKey: string;
  months: number;
}

type LoadState = 'loading' | 'loaded' | 'failed';

function windowKey(progress: SupportWindowProgress): string {
  // "weniger als 1 Monat" / "noch 1 Monat" / "noch 5 Monate": one ICU plural text.
  return progress.ended ? 'window.ended' : 'window.monthsLeft';
}

function toRow(client: ClientListItemResponse): CaseloadRow {
  const progress = supportWindowProgress(client.supportStart, client.supportWindowEnd);
  return {
    client,
    latin: latinName(client),
    original: originalName(client),
    responsible: client.responsibleManager ? `${client.responsibleManager.firstName} ${client.responsibleManager.lastName}` : null,
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
    NgTemplateOutlet,
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatCheckbox,
    MatFormFieldModule,
    MatInput,
    MatProgressBar,
    MatSelectModule,
    MatSlideToggle,
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
  /** Filters from the link that opened the page (e.g. a figure of the team dashboard) that the form has no field for; until reset. */
  protected readonly linkedFilters = signal<LinkedFilters>({});
  protected readonly linkedFilterList = computed(() =>
    Object.entries(this.linkedFilters()).map(([key, value]) => ({
      key,
      date: key === 'windowEndsAfter' || key === 'noContactSince' ? String(value) : null,
      state: key === 'goalState' ? String(value) : null,
    })),
  );
  private readonly destroyRef = inject(DestroyRef);
  private readonly reloads = new Subject<void>();
  private query: ClientListQuery = {};
  private more?: Subscription;

  protected readonly locale = activeLocale(inject(TranslocoService));
  protected readonly states = SUPPORT_STATES;
  protected readonly fields = FIELDS_OF_ACTION;
  protected readonly sorts = CLIENT_SORTS;
  private readonly baseColumns = ['name', 'caseNumber', 'responsible', 'state', 'supportWindow', 'lastContact', 'openGoals', 'actions'];
  /** Team leads (`client:reassign`) also get the selection. */
  protected readonly columns = computed(() => (this.canReassign() ? ['select', ...this.baseColumns] : this.baseColumns));
  /** Cards instead of the table on narrow screens (tablet upright). */
  protected readonly cards = toSignal(inject(BreakpointObserver).observe(CASELOAD_CARDS_QUERY).pipe(map((state) => state.matches)), {
    initialValue: false,
  });
  protected readonly searchMaxLength = CLIENT_LIMITS.searchMaxLength;

  protected readonly search = new FormControl('', { nonNullable: true });
  /** "Nur meine": only the own caseload; on by default for managers (who write only their own), off for team leads. */
  protected readonly mine = new FormControl(false, { nonNullable: true });
  /** A cursor belongs to its sort: changing it starts again at the first page. */
  protected readonly sort = new FormControl<ClientSort>('name', { nonNullable: true });
  protected readonly filters = new FormGroup({
    state: new FormControl<SupportState | ''>('', { nonNullable: true }),
    windowEndsBefore: new FormControl('', { nonNullable: true }),
    fieldOfAction: new FormControl<FieldOfAction | ''>('', { nonNullable: true }),
    lastContactBefore: new FormControl('', { nonNullable: true }),
    managerId: new FormControl('', { nonNullable: true }),
    endingSoon: new FormControl(false, { nonNullable: true }),
  });

  protected readonly state = signal<LoadState>('loading');
  protected readonly loadingMore = signal(false);
  private readonly clients = signal<ClientListItemResponse[]>([]);
  protected readonly total = signal(0);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly rows = computed(() => this.clients().map(toRow));

  // Reassignment (team leads): the selection, the team's managers, the dialog.
  private readonly currentUser = inject(CurrentUser);
  private readonly reassignment = inject(ReassignmentApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly viewContainerRef = inject(ViewContainerRef);
  protected readonly canReassign = computed(() => this.currentUser.can('client:reassign'));
  /** "Neue:r Klient:in" for roles that may create clients. */
  protected readonly canCreate = computed(() => this.currentUser.can('client:write'));
  private readonly route = inject(ActivatedRoute);
  /** Managers write only their own caseload: "Nur meine" starts on for them. */
  private readonly mineByDefault = this.currentUser.can('client:write') && !this.currentUser.can('client:reassign');
  protected readonly selection = new CaseloadSelection(computed(() => this.clients().map((c) => c.id)));
  protected readonly managers = signal<TeamManagerResponse[]>([]);

  constructor() {
    const link = caseloadLinkFilters(this.route.snapshot.queryParamMap);
    this.filters.patchValue(link.form);
    if (link.sort) this.sort.setValue(link.sort);
    this.mine.setValue(link.mine ?? this.mineByDefault);
    this.linkedFilters.set(link.linked);
    if (this.canReassign()) this.loadManagers();
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
    const mine$ = this.mine.valueChanges.pipe(startWith(this.mine.value), distinctUntilChanged());
    combineLatest([searchTerm$, filters$, sort$, mine$, this.reloads.pipe(startWith(undefined))])
      .pipe(
        map(([q, filters, sort, mine]): ClientListQuery => ({
          q: q || undefined,
          mine: mine || undefined,
          state: filters.state || undefined,
          windowEndsBefore: filters.windowEndsBefore || undefined,
          fieldOfAction: filters.fieldOfAction || undefined,
          lastContactBefore: filters.lastContactBefore || undefined,
          managerId: filters.managerId || undefined,
          windowEndsWithinMonths: filters.endingSoon ? WINDOW_ENDING_SOON_MONTHS : undefined,
          sort: sort === 'name' ? undefined : sort,
          ...this.linkedFilters(),
        })),
        tap((query) => {
          this.keepInLink(query);
          this.query = query;
          this.more?.unsubscribe();
          this.selection.clear();
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

  /**
   * Filters, sort and "Nur meine" go into the page's link (a reload or a bookmark keeps them);
   * the search text does not: a name has no place in a URL (browser history, logs).
   */
  private keepInLink(query: ClientListQuery): void {
    const params = caseloadLinkParams({ ...query, mine: this.mine.value === this.mineByDefault ? null : this.mine.value });
    const current = this.route.snapshot.queryParamMap;
    const same = current.keys.length === Object.keys(params).length && Object.entries(params).every(([key, value]) => current.get(key) === value);
    if (same) return;
    void this.router.navigate([], { relativeTo: this.route, queryParams: params, replaceUrl: true }).catch(() => undefined);
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
    this.linkedFilters.set({});
    this.filters.reset();
  }

  /** Opens "Neu zuweisen" for the ticked rows; on success the list and the managers' counts reload. */
  protected reassign(): void {
    const selected = new Set(this.selection.selected());
    const clients = this.rows()
      .filter((row) => selected.has(row.client.id))
      .map((row) => ({ id: row.client.id, name: row.latin }));
    if (!clients.length) return;
    this.dialog
      .open<ReassignDialog, ReassignDialogData, ReassignClientsResponse>(ReassignDialog, {
        data: { clients, managers: this.managers() },
        viewContainerRef: this.viewContainerRef,
        width: '36rem',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((response) => {
        if (!response) return;
        const count = response.items.length;
        this.snackBar.open(this.transloco.translate('caseload.reassign.done', { count }), undefined, { duration: 4000 });
        this.selection.clear();
        this.loadManagers();
        this.reloads.next();
      });
  }

  private loadManagers(): void {
    this.reassignment
      .teamManagers()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((response) => this.managers.set(response.items));
  }

  /** A click anywhere on the row opens the file (links and buttons in it keep their own action). */
  protected open(row: CaseloadRow, event: Event): void {
    if (event.target instanceof Element && event.target.closest('a, button')) return;
    void this.router.navigate(['/klienten', row.client.id]);
  }
}
