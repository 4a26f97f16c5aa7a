import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthService } from '../../auth/auth.service';
import { LanguageService } from '../language.service';
import { Language } from '../languages';

/**
 * Deutsch / English toggle; each language name is shown (and marked up) in its own language.
 * Two toggle buttons (`aria-pressed`): the language changes on a click, Enter or Space only,
 * never while arrow keys move through the page.
 * Signed in, the choice is also saved with the account (`PATCH /api/auth/preferences`).
 */
@Component({
  selector: 'ww-language-switch',
  imports: [TranslocoDirective],
  templateUrl: './language-switch.html',
  styleUrl: './language-switch.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitch {
  private readonly language = inject(LanguageService);
  private readonly auth = inject(AuthService);

  protected readonly languages = this.language.languages;
  protected readonly current = this.language.current;

  protected select(value: Language): void {
    if (value === this.current()) return;
    this.language.use(value);
    if (this.auth.active()) {
      // Remembered with the account for the next sign-in; the switch itself works without it.
      this.auth.updateLocale(value).catch(() => undefined);
    }
  }
}
