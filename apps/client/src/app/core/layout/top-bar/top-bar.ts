import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatToolbar } from '@angular/material/toolbar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthService } from '../../auth/auth.service';
import { LanguageSwitch } from '../../i18n/language-switch/language-switch';
import { SessionNav } from './session-nav';

@Component({
  selector: 'ww-top-bar',
  imports: [MatToolbar, RouterLink, TranslocoDirective, LanguageSwitch, SessionNav],
  templateUrl: './top-bar.html',
  styleUrl: './top-bar.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TopBar {
  private readonly auth = inject(AuthService);

  /** Only a session with every sign-in step done shows navigation and user. */
  protected readonly me = computed(() => (this.auth.active() ? this.auth.me() : null));
}
