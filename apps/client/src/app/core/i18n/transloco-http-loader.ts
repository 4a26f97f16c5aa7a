import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';
import { HANDLES_ERRORS_LOCALLY } from '@wegweiser/client/data-access';
import { Observable } from 'rxjs';

/** Loads `public/i18n/<lang>.json`, served next to index.html. */
@Injectable({ providedIn: 'root' })
export class TranslocoHttpLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);

  getTranslation(lang: string): Observable<Translation> {
    // Relative to <base href>; no error snackbar: there would be no text to show.
    return this.http.get<Translation>(`i18n/${lang}.json`, {
      context: new HttpContext().set(HANDLES_ERRORS_LOCALLY, true),
    });
  }
}
