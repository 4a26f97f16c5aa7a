import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { SessionWatch } from './core/auth/session-watch';
import { TopBar } from './core/layout/top-bar/top-bar';

@Component({
  selector: 'ww-root',
  imports: [RouterOutlet, TopBar],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  constructor() {
    inject(SessionWatch); // idle countdown and warning, remembered language
  }
}
