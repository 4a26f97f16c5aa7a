import { HealthResponse } from '@wegweiser/shared/contracts';
import { errorMessageKey } from '../core/http/error-message-key';

/** What the system status card shows. */
export type Readiness =
  | { readonly state: 'checking' }
  | { readonly state: 'ready'; readonly version: string; readonly checkedAt: Date }
  | { readonly state: 'unavailable'; readonly messageKey: string };

export const CHECKING: Readiness = { state: 'checking' };

export function fromHealthResponse(response: HealthResponse, checkedAt: Date): Readiness {
  return response.status === 'ok'
    ? { state: 'ready', version: response.version, checkedAt }
    : { state: 'unavailable', messageKey: 'start.status.notReady' };
}

/** A failed check: the API's error code if it sent one (e.g. `databaseUnavailable`). */
export function fromFailure(error: unknown): Readiness {
  const key = errorMessageKey(error);
  return { state: 'unavailable', messageKey: key === 'errors.unknown' ? 'start.status.notReady' : key };
}
