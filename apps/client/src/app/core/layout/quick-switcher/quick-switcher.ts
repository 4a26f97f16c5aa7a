import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { ClientsApi } from '@wegweiser/client/data-access';
import { latinName, originalName } from '@wegweiser/client/ui';
import { CLIENT_LIMITS, ClientListItemResponse } from '@wegweiser/shared/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap, tap } from 'rxjs';
import { AuthService } from '../../auth/auth.service';

/** Wait this long after the last keystroke before asking. */
export const SWITCHER_DEBOUNCE_MS = 200;
/** Results shown at most (the search narrows down, it does not page). */
export const SWITCHER_PAGE_SIZE = 8;
export const SWITCHER_MIN_LENGTH = 2;

type SwitcherStatus = 'idle' | 'tooShort' | 'searching' | 'done' | 'failed';

interface SwitcherHit {
  id: string;
  caseNumber: string;
  latin: string;
  original: string | null;
}

const toHit = (client: ClientListItemResponse): SwitcherHit => ({
  id: client.id,
  caseNumber: client.caseNumber,
  latin: latinName(client),
  original: originalName(client),
});

/**
 * The quick switcher (Ctrl+K, or the search field of the top bar): finds a
 * client of the team by part of a name in either script or of the case number
 * (`GET /api/clients?q=`) and opens the file. A combobox with a listbox:
 * arrow keys move the active option (`aria-activedescendant`), Enter opens it.
 * The search text stays in the dialog: it never enters the page's address.
 */
@Component({
  selector: 'ww-quick-switcher',
  imports: [ReactiveFormsModule, RouterLink, MatButton, MatDialogModule, MatFormFieldModule, MatInput, MatProgressBar, TranslocoDirective],
  templateUrl: './quick-switcher.html',
  styleUrl: './quick-switcher.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QuickSwitcher {
  private readonly api = inject(ClientsApi);
  private readonly router = inject(Router);
  private readonly dialogRef = inject(MatDialogRef<QuickSwitcher>);
  private readonly auth = inject(AuthService);

  protected readonly maxLength = CLIENT_LIMITS.searchMaxLength;
  protected readonly query = new FormControl('', { nonNullable: true });
  protected readonly hits = signal<SwitcherHit[]>([]);
  protected readonly total = signal(0);
  protected readonly status = signal<SwitcherStatus>('idle');
  protected readonly active = signal(0);
  protected readonly activeId = computed(() => (this.hits().length ? QuickSwitcher.optionId(this.active()) : null));
  protected readonly canCreate = computed(() => this.auth.can('client:write'));

  static optionId(index: number): string {
    return `ww-switcher-option-${index}`;
  }
  protected readonly optionId = QuickSwitcher.optionId;

  constructor() {
    this.query.valueChanges
      .pipe(
        map((value) => value.trim()),
        debounceTime(SWITCHER_DEBOUNCE_MS),
        distinctUntilChanged(),
        tap((q) => this.status.set(q.length === 0 ? 'idle' : q.length < SWITCHER_MIN_LENGTH ? 'tooShort' : 'searching')),
        switchMap((q) =>
          q.length < SWITCHER_MIN_LENGTH
            ? of({ items: [] as ClientListItemResponse[], total: 0 })
            : this.api.list({ q, pageSize: SWITCHER_PAGE_SIZE }).pipe(catchError(() => of(null))),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((page) => {
        this.active.set(0);
        if (!page) {
          this.hits.set([]);
          this.status.set('failed');
          return;
        }
        this.hits.set(page.items.map(toHit));
        this.total.set(page.total);
        if (this.status() === 'searching') this.status.set('done');
      });
  }

  /** Arrow keys move the active option (the caret stays in the text); Enter opens it. */
  protected onKey(event: KeyboardEvent): void {
    const count = this.hits().length;
    if (!count) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.active.set((this.active() + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
      document.getElementById(QuickSwitcher.optionId(this.active()))?.scrollIntoView?.({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = this.hits()[this.active()];
      if (hit) this.open(hit);
    }
  }

  protected open(hit: SwitcherHit): void {
    this.dialogRef.close(hit.id);
    void this.router.navigate(['/klienten', hit.id]);
  }
}
