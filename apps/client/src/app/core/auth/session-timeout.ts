import { Injectable, OnDestroy, signal } from '@angular/core';
import { Subject } from 'rxjs';

/** The warning appears this long before the session would end. */
export const WARNING_BEFORE_SECONDS = 120;

/**
 * Mirrors the API's idle timeout: every API answer restarts the countdown;
 * `warning` turns true two minutes before the end, `expired` fires at the end.
 */
@Injectable({ providedIn: 'root' })
export class SessionTimeout implements OnDestroy {
  private readonly warningState = signal(false);
  private readonly expiredEvents = new Subject<void>();
  private timeoutSeconds: number | null = null;
  private warningTimer: ReturnType<typeof setTimeout> | undefined;
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;

  readonly warning = this.warningState.asReadonly();
  readonly expired = this.expiredEvents.asObservable();

  /** Starts (or restarts) the countdown for a session with this idle timeout. */
  start(timeoutSeconds: number): void {
    this.timeoutSeconds = timeoutSeconds;
    this.touch();
  }

  /** Activity seen by the server (an API answer): count from now again. */
  touch(): void {
    if (this.timeoutSeconds === null) {
      return;
    }
    this.clearTimers();
    this.warningState.set(false);
    const total = this.timeoutSeconds * 1000;
    const warnAfter = Math.max(0, total - WARNING_BEFORE_SECONDS * 1000);
    this.warningTimer = setTimeout(() => this.warningState.set(true), warnAfter);
    this.expiryTimer = setTimeout(() => {
      this.stop();
      this.expiredEvents.next();
    }, total);
  }

  stop(): void {
    this.timeoutSeconds = null;
    this.clearTimers();
    this.warningState.set(false);
  }

  ngOnDestroy(): void {
    this.stop();
  }

  private clearTimers(): void {
    clearTimeout(this.warningTimer);
    clearTimeout(this.expiryTimer);
  }
}
