import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  ChangePasswordRequest,
  CsrfTokenResponse,
  Locale,
  LoginRequest,
  PreferencesRequest,
  RecoveryCodeRequest,
  RecoveryCodesResponse,
  SessionResponse,
  TotpCodeRequest,
  TotpEnrolmentResponse,
} from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { apiUrl } from '../http/api-url';

const auth = (path: string) => `${apiUrl(API_ROUTES.auth)}/${path}`;

/**
 * The auth routes (`/api/auth/...`). The sign-in steps show their errors
 * in the form, so they skip the global error snackbar.
 */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  private readonly local = { context: new HttpContext().set(HANDLES_ERRORS_LOCALLY, true) };

  /** A CSRF token for the anonymous session (before sign-in). */
  csrf(): Observable<CsrfTokenResponse> {
    return this.http.get<CsrfTokenResponse>(auth('csrf'), this.local);
  }

  /** The current session; 401 when signed out. */
  me(): Observable<SessionResponse> {
    return this.http.get<SessionResponse>(auth('me'), this.local);
  }

  login(body: LoginRequest): Observable<SessionResponse> {
    return this.http.post<SessionResponse>(auth('login'), body, this.local);
  }

  logout(): Observable<void> {
    return this.http.post<void>(auth('logout'), null, this.local);
  }

  enrolTotp(): Observable<TotpEnrolmentResponse> {
    return this.http.post<TotpEnrolmentResponse>(auth('totp/enrol'), null);
  }

  confirmTotp(body: TotpCodeRequest): Observable<RecoveryCodesResponse> {
    return this.http.post<RecoveryCodesResponse>(auth('totp/confirm'), body, this.local);
  }

  verifyTotp(body: TotpCodeRequest): Observable<SessionResponse> {
    return this.http.post<SessionResponse>(auth('totp/verify'), body, this.local);
  }

  recover(body: RecoveryCodeRequest): Observable<SessionResponse> {
    return this.http.post<SessionResponse>(auth('totp/recover'), body, this.local);
  }

  changePassword(body: ChangePasswordRequest): Observable<SessionResponse> {
    return this.http.post<SessionResponse>(auth('password'), body, this.local);
  }

  updatePreferences(locale: Locale): Observable<SessionResponse> {
    const body: PreferencesRequest = { locale };
    return this.http.patch<SessionResponse>(auth('preferences'), body);
  }
}
