import { ConsentRecording, DataCategory } from '../domain/case-vocabulary';

/** Who receives the data: a partner organisation of the directory, or the (anonymised) evaluation. */
export const CONSENT_RECIPIENT_KINDS = ['partner', 'evaluation'] as const;
export type ConsentRecipientKind = (typeof CONSENT_RECIPIENT_KINDS)[number];

/** A consent (Einwilligung / Schweigepflichtentbindung) of a client. */
export interface ConsentResponse {
  id: string;
  clientId: string;
  purpose: string;
  recipientKind: ConsentRecipientKind;
  /** Set iff `recipientKind` is `partner`. */
  partnerId: string | null;
  partnerName: string | null;
  dataCategories: DataCategory[];
  givenOn: string;
  validUntil: string | null;
  withdrawnOn: string | null;
  recordedAs: ConsentRecording;
  /** Where the signed paper is filed (e.g. "Handakte, Fach 3"), if noted. */
  filedAt: string | null;
  /** Valid today: given on or before today, not expired, not withdrawn. */
  valid: boolean;
  version: number;
}

/** `POST /api/clients/:clientId/consents`. Dates are `YYYY-MM-DD`. */
export interface CreateConsentRequest {
  purpose: string;
  recipientKind: ConsentRecipientKind;
  /** Required for `partner`, refused for `evaluation`. */
  partnerId?: string;
  dataCategories: DataCategory[];
  /** Not in the future. */
  givenOn: string;
  /** On or after `givenOn`; absent = until withdrawn. */
  validUntil?: string;
  recordedAs: ConsentRecording;
  /** Where the signed paper is filed; at most `CONSENT_LIMITS.filedAtMaxLength` characters. */
  filedAt?: string;
}

export const CONSENT_LIMITS = {
  purposeMaxLength: 500,
  filedAtMaxLength: 200,
} as const;

/** `POST /api/clients/:clientId/consents/:id/withdraw`: possible on closed cases too. */
export interface WithdrawConsentRequest {
  version: number;
  /** Default today; not in the future, not before `givenOn`. */
  withdrawnOn?: string;
}
