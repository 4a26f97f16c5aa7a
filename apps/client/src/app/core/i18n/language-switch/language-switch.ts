import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonToggleChange, MatButtonToggleModule } from '@angular/material/button-toggle';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../language.service';
import { isLanguage } from '../languages';

/** Deutsch / English toggle; each language name is shown (and marked up) in its own language. */
@Component({
  selector: 'ww-language-switch',
  imports: [MatButtonToggleModule, TranslocoDirective],
  templateUrl: './language-switch.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitch {
  private readonly language = inject(LanguageService);

  protected readonly languages = this.language.languages;
  protected readonly current = this.language.current;

  protected select(change: MatButtonToggleChange): void {
    const value: unknown = change.value;
    if (isLanguage(value)) {
      this.language.use(value);
    }
  }
}
