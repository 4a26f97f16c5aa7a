import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { map } from 'rxjs';
import { ClientFileStore } from '../client-file-store';
import { CLIENT_FILE_TABS } from '../client-file-tabs';
import { ClientDocuments } from '../documents/client-documents';
import { ClientRetention } from '../retention/client-retention';
import { FileHeader } from '../file-header/file-header';
import { SupportActions } from '../support/support-actions';

/**
 * `/klienten/:clientId`: a skeleton with a progress bar while the file loads,
 * header and tabs once it loaded; "nicht gefunden" for unknown clients and
 * those of other teams (nothing of a client rendered before).
 */
@Component({
  selector: 'ww-client-file-page',
  imports: [MatButton, MatProgressBar, MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet, TranslocoDirective, FileHeader, ClientDocuments, ClientRetention, SupportActions],
  providers: [ClientFileStore],
  templateUrl: './client-file-page.html',
  styleUrl: './client-file-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientFilePage {
  protected readonly store = inject(ClientFileStore);
  protected readonly tabs = CLIENT_FILE_TABS;
  /** The progress bar's name from the global texts (loaded at start-up), not the file's own (loaded with the page). */
  protected readonly loadingLabel = toSignal(inject(TranslocoService).selectTranslate('shell.loading').pipe(map(String)), { initialValue: '' });
}
