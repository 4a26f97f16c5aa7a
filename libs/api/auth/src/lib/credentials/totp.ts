import { Injectable } from '@nestjs/common';
import { generate, generateSecret, generateURI, verify } from 'otplib';
import { toDataURL } from 'qrcode';

/**
 * What every authenticator app (Google/Microsoft Authenticator, FreeOTP,
 * Aegis, 1Password) understands: SHA-1, 6 digits, 30-second steps (RFC 6238).
 */
export const TOTP_OPTIONS = { algorithm: 'sha1', digits: 6, period: 30 } as const;
/** 160-bit secrets, as RFC 4226 recommends (32 base32 characters). */
export const TOTP_SECRET_BYTES = 20;
/** One step before and after the current one: tolerates clock drift and a slow typist. */
export const TOTP_WINDOW_STEPS = 1;

export interface TotpEnrolment {
  /** Base32; store it (encrypted at rest if possible) and show it for manual entry. */
  secret: string;
  /** `otpauth://totp/Wegweiser:anna%40stadt.de?secret=...&issuer=Wegweiser` */
  otpauthUrl: string;
  /** The otpauth URL as a PNG QR code, `data:image/png;base64,...`. */
  qrCodeDataUrl: string;
}

export interface TotpVerifyOptions {
  /** The moment to verify for (default: now). */
  at?: Date;
  /**
   * Replay protection (RFC 6238 5.2): the time step of the last accepted code
   * of this account; codes of that step or earlier are refused.
   */
  afterTimeStep?: number;
}

/** On success, `timeStep` is the step the code belonged to: store it as the account's next `afterTimeStep`. */
export type TotpVerification = { valid: true; timeStep: number } | { valid: false };

const CODE_PATTERN = new RegExp(`^\\d{${TOTP_OPTIONS.digits}}$`);

/** TOTP second factor: enrolment (secret + QR code) and code checks. Stateless; the caller stores secret and last step. */
@Injectable()
export class TotpService {
  async createEnrolment(accountLabel: string, issuer = 'Wegweiser'): Promise<TotpEnrolment> {
    const secret = generateSecret({ length: TOTP_SECRET_BYTES });
    // The otpauth label is "issuer:account"; a colon inside either would split it wrongly.
    const otpauthUrl = generateURI({ ...TOTP_OPTIONS, issuer: withoutColons(issuer), label: withoutColons(accountLabel), secret });
    const qrCodeDataUrl = await toDataURL(otpauthUrl, { type: 'image/png', errorCorrectionLevel: 'M', margin: 2, width: 256 });
    return { secret, otpauthUrl, qrCodeDataUrl };
  }

  /**
   * Checks a code typed by the user ("123456" or "123 456") against the
   * current step ±1. Malformed codes are refused without computing anything.
   * A malformed secret is a data error and throws.
   */
  async verify(secret: string, code: string, options: TotpVerifyOptions = {}): Promise<TotpVerification> {
    const token = typeof code === 'string' ? code.replace(/\s+/gu, '') : '';
    if (!CODE_PATTERN.test(token)) return { valid: false };
    const epoch = toEpochSeconds(options.at ?? new Date());
    const { afterTimeStep } = options;
    // Every step in the window is already used: nothing can match (otplib would throw).
    if (afterTimeStep !== undefined && afterTimeStep >= currentTimeStep(epoch) + TOTP_WINDOW_STEPS) return { valid: false };
    const result = await verify({
      ...TOTP_OPTIONS,
      secret,
      token,
      epoch,
      epochTolerance: TOTP_WINDOW_STEPS * TOTP_OPTIONS.period,
      ...(afterTimeStep !== undefined ? { afterTimeStep } : {}),
    });
    // The functional API's result type also covers HOTP, which has no time step.
    return result.valid && 'timeStep' in result ? { valid: true, timeStep: result.timeStep } : { valid: false };
  }

  /** The code for `secret` at `at` (default: now) — for tests and the e2e sign-in flow. */
  generate(secret: string, at: Date = new Date()): Promise<string> {
    return generate({ ...TOTP_OPTIONS, secret, epoch: toEpochSeconds(at) });
  }
}

function toEpochSeconds(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}

function currentTimeStep(epochSeconds: number): number {
  return Math.floor(epochSeconds / TOTP_OPTIONS.period);
}

function withoutColons(value: string): string {
  return value.replace(/:/gu, ' ').trim();
}
