import { Permission } from '../domain/permissions';
import { Role } from '../domain/roles';

/**
 * Where a signed-in session stands: `active` may use the application;
 * the others may only finish their step (TOTP enrolment or check, new password).
 */
export const SESSION_STAGES = ['active', 'totp_enrol', 'totp_verify', 'password_change'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

/** Languages of the user interface; remembered per account (`de` until changed). */
export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** `GET /api/auth/me`, and the body of a successful sign-in step. */
export interface MeResponse {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  permissions: Permission[];
  municipality: { id: string; name: string };
  team: { id: string; name: string } | null;
  totpEnabled: boolean;
  stage: SessionStage;
  /** The account's language of the user interface. */
  locale: Locale;
}

export interface SessionResponse {
  me: MeResponse;
  /** Send as `X-CSRF-Token` on every state-changing request. */
  csrfToken: string;
  /** Idle timeout of the session in seconds (the client warns before it ends). */
  idleTimeoutSeconds: number;
}

export interface CsrfTokenResponse {
  csrfToken: string;
}

export interface TotpEnrolmentResponse {
  otpauthUrl: string;
  /** PNG data URL of the QR code for authenticator apps. */
  qrCodeDataUrl: string;
  /** The same secret in base32, for manual entry. */
  secret: string;
}

export interface RecoveryCodesResponse {
  /** Shown once; each code signs in once instead of a TOTP code. */
  recoveryCodes: string[];
  session: SessionResponse;
}

export const CSRF_HEADER = 'X-CSRF-Token';
export const SESSION_COOKIE = 'ww.sid';

export const AUTH_ERROR_CODES = {
  invalidCredentials: 'invalidCredentials',
  sessionExpired: 'sessionExpired',
  csrfTokenInvalid: 'csrfTokenInvalid',
  secondFactorRequired: 'secondFactorRequired',
  passwordChangeRequired: 'passwordChangeRequired',
  invalidTotpCode: 'invalidTotpCode',
  routeWithoutPermission: 'routeWithoutPermission',
} as const;
