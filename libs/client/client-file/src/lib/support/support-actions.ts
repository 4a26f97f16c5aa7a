import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, ViewContainerRef, computed, inject, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { activeLocale, IsolatePipe, UserText } from '@wegweiser/client/ui';
import { ClientFileStore } from '../client-file-store';
import { dialogSize } from '../dialog-config';
import { today } from '../plan/referrals/referral-rules';
import { SupportDialog, SupportDialogData, SupportDialogResult } from './support-dialog';
import { SupportAction, pendingExtension, supportActions } from './support-rules';

/**
 * The support period's actions in the file header ("Betreuungszeitraum" menu:
 * pause/resume, close, reopen, request an extension), and its state in words
 * (paused since, closed on with the reason, an extension waiting for the team
 * lead). Shown to whoever may change the file; reopening also on a closed case.
 */
@Component({
  selector: 'ww-support-actions',
  imports: [DatePipe, MatButton, MatMenuModule, TranslocoDirective, IsolatePipe, UserText],
  template: `
    <ng-container *transloco="let t; prefix: 'clientFile.supportActions'">
      @if (support(); as s) {
        @if (actions().length > 0) {
          <button #trigger mat-stroked-button type="button" [matMenuTriggerFor]="menu">{{ t('menu') }}</button>
          <mat-menu #menu="matMenu">
            @for (action of actions(); track action) {
              <button mat-menu-item type="button" (click)="open(action)">{{ t('action.' + action) }}</button>
            }
          </mat-menu>
        }
        <p class="support__state" role="status">
          @if (s.state === 'paused' && s.pausedOn) {
            {{ t('state.paused', { date: (s.pausedOn | date: 'mediumDate' : undefined : locale()) }) }}
            @if (pauseNote(); as note) {
              <span dir="auto"><ww-user-text [text]="t('state.reason', { note: (note | isolate) })" /></span>
            }
          } @else if (s.state === 'closed' && s.closedOn) {
            {{
              t('state.closed', {
                date: (s.closedOn | date: 'mediumDate' : undefined : locale()),
                reason: s.closureReason ? t('reason.' + s.closureReason) : '',
              })
            }}
          }
          @if (pending(); as extension) {
            {{ t('state.pendingExtension', { date: (extension.requestedUntil | date: 'mediumDate' : undefined : locale()) }) }}
          } @else if (returned(); as extension) {
            {{ t('state.returnedExtension', { date: (extension.requestedUntil | date: 'mediumDate' : undefined : locale()) }) }}
            <span dir="auto" class="support__comment">{{ extension.comment }}</span>
          }
        </p>
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: flex-end;
      max-width: 100%;
    }
    .support__state {
      margin: 0.25rem 0 0;
      font: var(--mat-sys-body-small);
      text-align: end;
    }
    .support__comment {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .support__state:empty {
      display: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SupportActions {
  private readonly store = inject(ClientFileStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly viewContainerRef = inject(ViewContainerRef);

  protected readonly locale = activeLocale(this.transloco);
  protected readonly support = computed(() => this.store.file()?.support ?? null);
  protected readonly pending = computed(() => {
    const support = this.support();
    return support ? pendingExtension(support) : null;
  });
  /** The latest extension request, when the team lead returned it (with the comment the manager should read). */
  protected readonly returned = computed(() => {
    const latest = this.support()?.extensions[0];
    return latest?.state === 'rejected' && latest.comment ? latest : null;
  });
  /** The reason given for the current pause, if any. */
  protected readonly pauseNote = computed(() => {
    const support = this.support();
    if (support?.state !== 'paused') return null;
    return support.history.filter((event) => event.toState === 'paused').at(-1)?.note ?? null;
  });
  /** The changes this user may make now: none without write access (a closed case of the own caseload may be reopened). */
  protected readonly actions = computed(() => {
    const file = this.store.file();
    if (!file) return [];
    const mayChange = file.access.canEdit || file.access.refusal === 'caseClosed';
    return mayChange ? supportActions(file.support, today()) : [];
  });

  private readonly trigger = viewChild('trigger', { read: ElementRef<HTMLButtonElement> });

  protected open(action: SupportAction): void {
    const file = this.store.file();
    if (!file) return;
    this.dialog
      .open<SupportDialog, SupportDialogData, SupportDialogResult>(SupportDialog, {
        ...dialogSize('34rem'),
        viewContainerRef: this.viewContainerRef,
        autoFocus: 'first-tabbable',
        restoreFocus: false,
        data: { clientId: file.client.id, action, support: file.support },
      })
      .afterClosed()
      .subscribe((result) => {
        if (result === 'done') this.snackBar.open(this.transloco.translate(`clientFile.supportActions.done.${action}`), undefined, { duration: 4000 });
        if (result) this.store.reload();
        // The menu item is gone: focus returns to the menu button (or, when no action is left, stays on the page).
        this.trigger()?.nativeElement.focus();
      });
  }
}
