import { ERROR_CODES, RETENTION_ERROR_CODES } from '@wegweiser/shared/contracts';

const KNOWN: ReadonlySet<string> = new Set([RETENTION_ERROR_CODES.legalHold, RETENTION_ERROR_CODES.requestPending, ERROR_CODES.notFound]);

/** The text key (under `clientFile.retention`) for a failed hold or erasure request. */
export function retentionErrorKey(code: string | undefined): string {
  return code && KNOWN.has(code) ? `errors.${code}` : 'errors.failed';
}
