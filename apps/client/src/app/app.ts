import { ChangeDetectionStrategy, Component, ElementRef, inject, viewChild } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterOutlet } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';
import { SessionWatch } from './core/auth/session-watch';
import { navigationPending } from './core/layout/navigation-pending';
import { TopBar } from './core/layout/top-bar/top-bar';

@Component({
  selector: 'ww-root',
  imports: [MatProgressBar, RouterOutlet, TopBar, TranslocoDirective],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  /** A thin bar while a page (and its code) loads: the wait between a click and the next page is never blank. */
  protected readonly navigating = navigationPending();
  protected readonly loadingLabel = toSignal(inject(TranslocoService).selectTranslate('shell.loading').pipe(map(String)), { initialValue: '' });

  constructor() {
    inject(SessionWatch); // idle countdown and warning, remembered language
  }

  /** "Zum Inhalt springen": focus moves into <main> (the address stays as it is). */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
