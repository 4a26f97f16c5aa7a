import { HttpErrorResponse } from '@angular/common/http';
import { isApiErrorResponse } from '@wegweiser/client/data-access';
import { CASE_ERROR_CODES, ERROR_CODES, OUTCOME_ERROR_CODES } from '@wegweiser/shared/contracts';

/** What went wrong with a save whose errors the form shows itself. */
export interface SaveProblem {
  /** A root translation key (`errors.<code>`, or the scope's own for outcome codes). */
  messageKey: string;
  /** Request field -> validation code, from a 400. */
  fields: Record<string, string>;
  /** A 409 `staleVersion`: the record changed meanwhile. */
  stale: boolean;
}

const KNOWN_CODES: ReadonlySet<string> = new Set([...Object.values(ERROR_CODES), ...Object.values(CASE_ERROR_CODES)]);

/** Reads a failed request the way the global interceptor would, plus the field errors of a 400. */
export function saveProblem(error: unknown): SaveProblem {
  if (!(error instanceof HttpErrorResponse)) return { messageKey: 'errors.unknown', fields: {}, stale: false };
  const body: unknown = error.error;
  const code = isApiErrorResponse(body) ? body.code : undefined;
  const fields = isApiErrorResponse(body) && body.errors ? body.errors : {};
  const messageKey =
    code === OUTCOME_ERROR_CODES.outcomeExists
      ? 'clientFile.outcomeEditor.exists'
      : code && KNOWN_CODES.has(code)
        ? `errors.${code}`
        : error.status === 0
          ? 'errors.network'
          : 'errors.unknown';
  return { messageKey, fields, stale: code === CASE_ERROR_CODES.staleVersion };
}
