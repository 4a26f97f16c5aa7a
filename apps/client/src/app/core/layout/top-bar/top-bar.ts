import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatToolbar } from '@angular/material/toolbar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageSwitch } from '../../i18n/language-switch/language-switch';

@Component({
  selector: 'ww-top-bar',
  imports: [MatToolbar, RouterLink, TranslocoDirective, LanguageSwitch],
  templateUrl: './top-bar.html',
  styleUrl: './top-bar.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TopBar {}
