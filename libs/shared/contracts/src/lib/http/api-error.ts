/**
 * The one error shape of every API response with status >= 400.
 * `code` is stable and translated by the client (i18n key `errors.<code>`);
 * `errors` maps a request field (dot path) to a validation code.
 */
export interface ApiErrorResponse {
  statusCode: number;
  code: ErrorCode | string;
  message: string;
  errors?: Record<string, string>;
  /** With 409 `staleVersion`: the version the record has now. */
  currentVersion?: number;
  /** With 409 `caseloadFull`: whose caseload is full, and its limit. */
  caseload?: CaseloadFullDetails;
}

/** The body part of a 409 `caseloadFull`: the manager's open caseload has reached the hard maximum. */
export interface CaseloadFullDetails {
  managerId: string;
  /** The hard maximum set by the administration. */
  maximum: number;
  /** Active and paused clients the manager is responsible for now. */
  openClients: number;
}

export const ERROR_CODES = {
  badRequest: 'badRequest',
  malformedJson: 'malformedJson',
  validationFailed: 'validationFailed',
  unsupportedMediaType: 'unsupportedMediaType',
  payloadTooLarge: 'payloadTooLarge',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'notFound',
  conflict: 'conflict',
  tooManyRequests: 'tooManyRequests',
  databaseUnavailable: 'databaseUnavailable',
  internalError: 'internalError',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Field-level validation codes (values of `ApiErrorResponse.errors`). */
export const VALIDATION_CODES = {
  unknownProperty: 'unknownProperty',
  invalid: 'invalid',
  /** The text holds bidi controls or other invisible format characters (e.g. U+202E) that are refused. */
  forbiddenCharacters: 'forbiddenCharacters',
} as const;
