import { Locale } from './auth';

/** Request bodies of the auth routes (validated in the API by class-validator DTOs of the same shape). */
export interface LoginRequest {
  email: string;
  password: string;
}

export interface TotpCodeRequest {
  code: string;
}

export interface RecoveryCodeRequest {
  recoveryCode: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** `PATCH /api/auth/preferences`: the signed-in user's own settings. */
export interface PreferencesRequest {
  locale: Locale;
}
