import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { ConversationsApi } from '@wegweiser/client/data-access';
import { activeLocale, IsolatePipe, UserText } from '@wegweiser/client/ui';
import { ConversationRevisionResponse } from '@wegweiser/shared/contracts';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { DisplayNamePipe } from '../display-name.pipe';

type RevisionsState = { status: 'loading' } | { status: 'loaded'; items: ConversationRevisionResponse[] } | { status: 'failed' };

/**
 * "Frühere Fassungen": the versions corrections replaced, oldest first, each
 * with who replaced it when (read from the API when shown; the read is audited).
 */
@Component({
  selector: 'ww-conversation-revisions',
  imports: [DatePipe, TranslocoDirective, DisplayNamePipe, IsolatePipe, UserText],
  template: `
    <ng-container *transloco="let t; prefix: 'clientFile'">
      @let state = revisions();
      @switch (state.status) {
        @case ('loading') {
          <p role="status">{{ t('conversations.revisionsLoading') }}</p>
        }
        @case ('failed') {
          <p role="alert">{{ t('conversations.revisionsFailed') }}</p>
        }
        @case ('loaded') {
          <ol class="revisions">
            @for (r of state.items; track r.id) {
              <li class="revision">
                <h4>{{ t('conversations.revisionTitle', { version: r.version }) }}</h4>
                <p class="meta">
                  <ww-user-text [text]="t('conversations.replaced', { date: (r.replacedAt | date: 'medium' : undefined : locale()), name: (r.replacedBy | isolate) })" />
                </p>
                <p class="meta">
                  {{ r.heldAt | date: 'medium' : undefined : locale() }} · {{ t('conversations.duration', { minutes: r.durationMinutes }) }} ·
                  {{ t('conversations.topics') }}:
                  @for (topic of r.topics; track topic; let last = $last) {
                    {{ t('vocab.fieldOfAction.' + topic) }}{{ last ? '' : ', ' }}
                  } @empty {
                    –
                  }
                  · {{ t('conversations.language') }}: {{ r.language | displayName: 'language' : locale() }}
                </p>
                <p class="note" dir="auto"><strong>{{ t('conversations.note') }}:</strong> {{ r.note }}</p>
                @if (r.agreements) {
                  <p class="note" dir="auto"><strong>{{ t('conversations.agreements') }}:</strong> {{ r.agreements }}</p>
                }
              </li>
            } @empty {
              <li>{{ t('conversations.noRevisions') }}</li>
            }
          </ol>
        }
      }
    </ng-container>
  `,
  styles: `
    .revisions {
      list-style: none;
      margin: 0.5rem 0 0;
      padding: 0 0 0 0.75rem;
      border-inline-start: 3px solid var(--mat-sys-outline-variant);
    }
    .revision + .revision {
      margin-top: 0.75rem;
    }
    h4 {
      font: var(--mat-sys-title-small);
      margin: 0;
    }
    .meta {
      margin: 0.125rem 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .note {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      margin: 0.25rem 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConversationRevisions {
  readonly clientId = input.required<string>();
  readonly conversationId = input.required<string>();

  private readonly api = inject(ConversationsApi);
  protected readonly locale = activeLocale(inject(TranslocoService));

  protected readonly revisions = toSignal(
    toObservable(this.conversationId).pipe(
      switchMap((id) =>
        this.api.revisions(this.clientId(), id).pipe(
          map((items): RevisionsState => ({ status: 'loaded', items })),
          catchError(() => of<RevisionsState>({ status: 'failed' })),
          startWith<RevisionsState>({ status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as RevisionsState },
  );
}
