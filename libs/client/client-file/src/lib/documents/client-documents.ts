import { ChangeDetectionStrategy, Component, ViewContainerRef, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { TranslocoDirective } from '@jsverse/transloco';
import { ClientDocumentsApi, CurrentUser, saveDownload } from '@wegweiser/client/data-access';
import { ClientResponse } from '@wegweiser/shared/contracts';
import { finalize } from 'rxjs';
import { PlanPrintDialog, PlanPrintDialogData } from './plan-print-dialog';

/**
 * The client's documents in the file header: "Integrationsplan drucken" (a
 * dialog for the second language) for whoever may read the client, and
 * "Auskunft nach Art. 15" (everything stored, as a PDF) for team leads.
 */
@Component({
  selector: 'ww-client-documents',
  imports: [MatButton, MatProgressSpinner, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'clientFile.documents'">
      <div class="documents">
        @if (canPrint()) {
          <button mat-stroked-button type="button" (click)="printPlan()">{{ t('printPlan') }}</button>
        }
        @if (canExport()) {
          <button mat-stroked-button type="button" [disabled]="exporting()" (click)="subjectAccess()">
            @if (exporting()) {
              <mat-progress-spinner mode="indeterminate" diameter="16" [attr.aria-label]="t('busy')" />
            }
            {{ t('subjectAccess') }}
          </button>
        }
      </div>
      <div role="alert" class="documents__error">
        @if (exportFailed()) {
          <p>{{ t('failed') }}</p>
        }
      </div>
    </ng-container>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: flex-end;
    }
    .documents {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .documents__error {
      color: var(--mat-sys-error, #b3261e);
    }
    .documents__error p {
      margin: 0.25rem 0 0;
    }
    mat-progress-spinner {
      display: inline-block;
      margin-inline-end: 0.5rem;
      vertical-align: middle;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientDocuments {
  private readonly user = inject(CurrentUser);
  private readonly api = inject(ClientDocumentsApi);
  private readonly dialog = inject(MatDialog);
  private readonly viewContainerRef = inject(ViewContainerRef);

  readonly client = input.required<ClientResponse>();

  protected readonly canPrint = computed(() => this.user.can('client:read'));
  protected readonly canExport = computed(() => this.user.can('client:subject-access'));
  protected readonly exporting = signal(false);
  protected readonly exportFailed = signal(false);

  protected printPlan(): void {
    const client = this.client();
    this.dialog.open<PlanPrintDialog, PlanPrintDialogData, boolean>(PlanPrintDialog, {
      viewContainerRef: this.viewContainerRef,
      data: { clientId: client.id, languagesSpoken: client.languagesSpoken, countryOfOrigin: client.countryOfOrigin },
      width: '28rem',
      maxWidth: '95vw',
      autoFocus: 'first-tabbable',
    });
  }

  protected subjectAccess(): void {
    if (this.exporting()) return;
    const client = this.client();
    this.exporting.set(true);
    this.exportFailed.set(false);
    this.api
      .subjectAccess(client.id)
      .pipe(finalize(() => this.exporting.set(false)))
      .subscribe({
        next: (response) => saveDownload(response, 'auskunft-art-15.pdf'),
        error: () => this.exportFailed.set(true),
      });
  }
}
