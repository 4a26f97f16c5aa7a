import { inject } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { activeLocale } from '@wegweiser/client/ui';
import { ClientFileStore } from '../client-file-store';

/** What every tab needs: the loaded file (tabs only render once it loaded) and the active locale. */
export abstract class FileTab {
  protected readonly file = inject(ClientFileStore).file;
  protected readonly locale = activeLocale(inject(TranslocoService));
}
