import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { AuthApi, CsrfTokenStore } from '@wegweiser/client/data-access';
import {
  Locale,
  MeResponse,
  Permission,
  RecoveryCodesResponse,
  Role,
  SessionResponse,
  SessionStage,
  TotpEnrolmentResponse,
  hasPermission,
} from '@wegweiser/shared/contracts';
import { firstValueFrom } from 'rxjs';

/** Where each role starts after sign-in. */
export const ROLE_HOME: Readonly<Record<Role, string>> = {
  manager: '/heute',
  team_lead: '/fallbestand',
  admin: '/verwaltung',
  dpo: '/datenschutz',
  evaluator: '/auswertung',
};

/** Where a session stage must go next. */
export function stageUrl(stage: SessionStage, role: Role): string {
  switch (stage) {
    case 'totp_enrol':
    case 'totp_verify':
      return '/anmelden/zweiter-faktor';
    case 'password_change':
      return '/anmelden/passwort';
    default:
      return ROLE_HOME[role];
  }
}

/**
 * The signed-in session (or none), in memory only. The CSRF token is taken
 * from every session answer; nothing is written to browser storage.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly api = inject(AuthApi);
  private readonly csrf = inject(CsrfTokenStore);
  private readonly state = signal<SessionResponse | null>(null);
  private loading: Promise<void> | null = null;

  readonly session = this.state.asReadonly();
  readonly me = computed<MeResponse | null>(() => this.state()?.me ?? null);
  readonly stage = computed<SessionStage | null>(() => this.me()?.stage ?? null);
  /** Signed in with every step done (second factor, password change). */
  readonly active = computed(() => this.stage() === 'active');
  readonly idleTimeoutSeconds = computed(() => this.state()?.idleTimeoutSeconds ?? null);
  /** Where the user goes next: the role's start page, or the pending sign-in step. */
  readonly homeUrl = computed(() => {
    const me = this.me();
    return me ? stageUrl(me.stage, me.role) : '/anmelden';
  });

  /** Whether the signed-in user's role has `permission` (hides what the API would refuse). */
  can(permission: Permission): boolean {
    const me = this.me();
    return me !== null && me.stage === 'active' && hasPermission(me.role, permission);
  }

  /** The session on app start, once: `GET /api/auth/me`, or an anonymous CSRF token when signed out. */
  ensureLoaded(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  async load(): Promise<void> {
    try {
      this.accept(await firstValueFrom(this.api.me()));
    } catch (error) {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) {
        throw error;
      }
      await this.startAnonymous();
    }
  }

  async signIn(email: string, password: string): Promise<SessionResponse> {
    if (!this.csrf.token()) {
      await this.startAnonymous();
    }
    return this.accept(await firstValueFrom(this.api.login({ email, password })));
  }

  async verifyTotp(code: string): Promise<SessionResponse> {
    return this.accept(await firstValueFrom(this.api.verifyTotp({ code })));
  }

  async recover(recoveryCode: string): Promise<SessionResponse> {
    return this.accept(await firstValueFrom(this.api.recover({ recoveryCode })));
  }

  enrol(): Promise<TotpEnrolmentResponse> {
    return firstValueFrom(this.api.enrolTotp());
  }

  async confirm(code: string): Promise<RecoveryCodesResponse> {
    const answer = await firstValueFrom(this.api.confirmTotp({ code }));
    this.accept(answer.session);
    return answer;
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<SessionResponse> {
    return this.accept(await firstValueFrom(this.api.changePassword({ currentPassword, newPassword })));
  }

  /** Keeps the session alive (the API counts every request as activity). */
  async refresh(): Promise<SessionResponse> {
    return this.accept(await firstValueFrom(this.api.me()));
  }

  async updateLocale(locale: Locale): Promise<void> {
    this.accept(await firstValueFrom(this.api.updatePreferences(locale)));
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.api.logout(), { defaultValue: undefined });
    } finally {
      await this.startAnonymous();
    }
  }

  /** The server ended the session (idle timeout): forget it and start an anonymous one. */
  async expire(): Promise<void> {
    await this.startAnonymous();
  }

  private async startAnonymous(): Promise<void> {
    this.state.set(null);
    this.csrf.set(null);
    try {
      this.csrf.set((await firstValueFrom(this.api.csrf())).csrfToken);
    } catch {
      // The sign-in form retries when it is sent (see signIn callers); nothing to show here.
    }
  }

  private accept(session: SessionResponse): SessionResponse {
    this.state.set(session);
    this.csrf.set(session.csrfToken);
    return session;
  }
}
