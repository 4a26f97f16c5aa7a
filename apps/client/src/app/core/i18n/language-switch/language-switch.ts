import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonToggleChange, MatButtonToggleModule } from '@angular/material/button-toggle';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthService } from '../../auth/auth.service';
import { LanguageService } from '../language.service';
import { isLanguage } from '../languages';

/**
 * Deutsch / English toggle; each language name is shown (and marked up) in its own language.
 * Signed in, the choice is also saved with the account (`PATCH /api/auth/preferences`).
 */
@Component({
  selector: 'ww-language-switch',
  imports: [MatButtonToggleModule, TranslocoDirective],
  templateUrl: './language-switch.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitch {
  private readonly language = inject(LanguageService);
  private readonly auth = inject(AuthService);

  protected readonly languages = this.language.languages;
  protected readonly current = this.language.current;

  protected select(change: MatButtonToggleChange): void {
    const value: unknown = change.value;
    if (isLanguage(value)) {
      this.language.use(value);
      if (this.auth.active()) {
        // Remembered with the account for the next sign-in; the switch itself works without it.
        this.auth.updateLocale(value).catch(() => undefined);
      }
    }
  }
}
