import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, Signal, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { HealthService } from '@wegweiser/client/data-access';
import { StatusCard, StatusTone } from '@wegweiser/client/ui';
import { Subject, catchError, map, of, startWith, switchMap } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { LoginForm } from '../sign-in/login-form';
import { CHECKING, Readiness, fromFailure, fromHealthResponse } from './readiness';

const TONES: Record<Readiness['state'], StatusTone> = {
  checking: 'pending',
  ready: 'success',
  unavailable: 'error',
};

@Component({
  selector: 'ww-start-page',
  imports: [DatePipe, MatButton, TranslocoDirective, StatusCard, LoginForm],
  templateUrl: './start-page.html',
  styleUrl: './start-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StartPage {
  private readonly health = inject(HealthService);
  private readonly checks = new Subject<void>();

  /** Query parameter `?grund=abgelaufen`: why the user has to sign in (again). */
  readonly grund = input<string | undefined>();

  protected readonly language = inject(LanguageService).current;
  protected readonly tones = TONES;
  protected readonly readiness: Signal<Readiness> = toSignal(
    this.checks.pipe(
      startWith(undefined),
      switchMap(() =>
        this.health.readiness().pipe(
          map((response) => fromHealthResponse(response, new Date())),
          catchError((error: unknown) => of(fromFailure(error))),
          startWith(CHECKING),
        ),
      ),
    ),
    { requireSync: true },
  );

  protected checkAgain(): void {
    this.checks.next();
  }
}
