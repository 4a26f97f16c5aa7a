import { HttpErrorResponse, HttpEventType, HttpResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { PartnerAdminApi, saveDownload } from '@wegweiser/client/data-access';
import {
  PARTNER_IMPORT_ERROR_CODES,
  PARTNER_IMPORT_TEMPLATE_CSV,
  PartnerImportPreviewResponse,
  PartnerImportProblem,
  PartnerImportResultResponse,
} from '@wegweiser/shared/contracts';
import { isolate, IsolatePipe, UserText } from '@wegweiser/client/ui';

type Phase = 'idle' | 'uploading' | 'processing' | 'preview' | 'confirming' | 'done';
const FILE_ERRORS = new Set(['importFileType', 'payloadTooLarge', 'importFileUnreadable', 'importNameColumnMissing', 'importTooManyRows']);
const errorCode = (error: unknown) => (error instanceof HttpErrorResponse ? (error.error as { code?: string } | null)?.code : undefined);

/**
 * "Partnerliste importieren": upload (with progress) → preview of what will
 * be created, changed or left, and the wrong rows by line → confirm (the
 * same file with the preview's token). A stale preview is made again.
 */
@Component({
  selector: 'ww-partner-import-page',
  imports: [MatAnchor, MatButton, MatProgressBar, RouterLink, TranslocoDirective, IsolatePipe, UserText],
  templateUrl: './partner-import-page.html',
  styleUrl: './partner-import-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerImportPage {
  private readonly api = inject(PartnerAdminApi);

  protected readonly phase = signal<Phase>('idle');
  protected readonly progress = signal(0);
  protected readonly file = signal<File | null>(null);
  protected readonly preview = signal<PartnerImportPreviewResponse | null>(null);
  protected readonly result = signal<PartnerImportResultResponse | null>(null);
  /** A key under `import.errors`, or `stale`. */
  protected readonly error = signal<string | null>(null);

  protected downloadTemplate(): void {
    const body = new Blob(['\uFEFF', PARTNER_IMPORT_TEMPLATE_CSV], { type: 'text/csv;charset=utf-8' });
    saveDownload(new HttpResponse({ body }), 'netzwerkpartner-vorlage.csv');
  }

  protected choose(input: HTMLInputElement): void {
    const file = input.files?.[0] ?? null;
    input.value = '';
    if (!file) return;
    this.file.set(file);
    this.result.set(null);
    this.error.set(null);
    this.runPreview(file);
  }

  protected confirm(): void {
    const file = this.file();
    const preview = this.preview();
    if (!file || !preview || this.phase() !== 'preview') return;
    this.phase.set('confirming');
    this.error.set(null);
    this.api.confirmImport(file, preview.token).subscribe({
      next: (result) => {
        this.result.set(result);
        this.phase.set('done');
      },
      error: (error: unknown) => {
        if (errorCode(error) === PARTNER_IMPORT_ERROR_CODES.importStale) {
          this.runPreview(file, 'stale');
          return;
        }
        this.phase.set('preview');
        this.error.set(this.fileError(error));
      },
    });
  }

  protected reset(): void {
    this.phase.set('idle');
    this.file.set(null);
    this.preview.set(null);
    this.result.set(null);
    this.error.set(null);
  }

  protected problemParams(problem: PartnerImportProblem, t: (key: string) => string): Record<string, unknown> {
    return { field: t(`import.fields.${problem.field}`), value: isolate(problem.value ?? ''), line: problem.duplicateOf ?? '' };
  }

  private runPreview(file: File, reason: 'stale' | null = null): void {
    this.preview.set(null);
    this.progress.set(0);
    this.phase.set('uploading');
    this.api.previewImport(file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          this.progress.set(event.total ? Math.round((100 * event.loaded) / event.total) : 0);
          if (event.total && event.loaded >= event.total) this.phase.set('processing');
        } else if (event.type === HttpEventType.Response && event.body) {
          this.preview.set(event.body);
          this.phase.set('preview');
          this.error.set(reason);
        }
      },
      error: (error: unknown) => {
        this.phase.set('idle');
        this.error.set(this.fileError(error));
      },
    });
  }

  private fileError(error: unknown): string {
    const code = errorCode(error);
    return code && FILE_ERRORS.has(code) ? `import.errors.${code}` : 'import.errors.other';
  }
}
