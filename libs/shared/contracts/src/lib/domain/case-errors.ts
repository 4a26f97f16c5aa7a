/** Stable error codes of the case file (translated by the client as `errors.<code>`). */
export const CASE_ERROR_CODES = {
  /** The record changed since the client read it; the body carries `currentVersion`. */
  staleVersion: 'staleVersion',
  /** Closed cases are read-only except for reopening. */
  caseClosed: 'caseClosed',
  /** A referral needs a valid consent for that partner. */
  consentRequired: 'consentRequired',
  /** A date lies outside the support window (incl. an approved extension). */
  outsideSupportWindow: 'outsideSupportWindow',
  /** Only the responsible manager (or the team lead) may change this client. */
  notOwnCaseload: 'notOwnCaseload',
  /** Reopening is possible only within the support window. */
  windowEnded: 'windowEnded',
} as const;
export type CaseErrorCode = (typeof CASE_ERROR_CODES)[keyof typeof CASE_ERROR_CODES];

/** Body of a 409 `staleVersion`. */
export interface StaleVersionResponse {
  statusCode: 409;
  code: 'staleVersion';
  message: string;
  currentVersion: number;
}
