import { DOCUMENT, Injectable, Signal, computed, effect, inject } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { DEFAULT_LANGUAGE, LANGUAGES, Language, isLanguage } from './languages';

/**
 * The active UI language. Switching is runtime-only (nothing is stored in the
 * browser); `<html lang>` follows the active language. Dates and numbers: pass
 * `current()` as the locale to Angular's pipes (`date`, `number`), whose
 * locale data for `de` and `en` is registered at start-up.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);

  readonly languages = LANGUAGES;
  readonly current: Signal<Language> = computed(() => {
    const active = this.transloco.activeLang();
    return isLanguage(active) ? active : DEFAULT_LANGUAGE;
  });

  constructor() {
    effect(() => {
      this.document.documentElement.lang = this.current();
    });
  }

  use(language: Language): void {
    this.transloco.setActiveLang(language);
  }
}
