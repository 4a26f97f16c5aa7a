import './session-data';
import { Logger } from '@nestjs/common';
import type { AuditService } from '@wegweiser/api/audit';
import type { Session, SessionData } from 'express-session';

const REPORT_INTERVAL_MS = 60_000;

/**
 * Counts refusals for a missing or wrong CSRF token. With a signed-in session
 * (the case a cross-site request forgery aims at) each refusal is a `denied`
 * audit row of the account (entity `csrf_token`), so the DPO sees it. Without
 * a session nobody is known: those are counted and reported as one log line
 * per minute (a number only), so anonymous garbage cannot flood the audit trail.
 */
export class CsrfRefusals {
  private readonly logger = new Logger('CsrfRefusals');
  private anonymous = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly audit: Pick<AuditService, 'record'>) {
    this.timer = setInterval(() => this.report(), REPORT_INTERVAL_MS);
    this.timer.unref();
  }

  /** Counts one refusal; resolves once its audit row is written (never rejects: the request is refused either way). */
  async refused(session: (Session & Partial<SessionData>) | undefined): Promise<void> {
    if (!session?.userId || !session.municipalityId || !session.role) {
      this.anonymous += 1;
      return;
    }
    try {
      await this.audit.record({
        action: 'denied',
        outcome: 'denied',
        entityType: 'csrf_token',
        entityId: null,
        municipalityId: session.municipalityId,
        userId: session.userId,
        role: session.role,
      });
    } catch (error) {
      this.logger.error({ err: error }, 'CSRF refusal could not be audited');
    }
  }

  /** Refusals without a session since the last report. */
  get anonymousCount(): number {
    return this.anonymous;
  }

  report(): void {
    if (!this.anonymous) return;
    this.logger.warn({ csrfRefusalsWithoutSession: this.anonymous }, 'Requests refused for a missing or wrong CSRF token (no session)');
    this.anonymous = 0;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
