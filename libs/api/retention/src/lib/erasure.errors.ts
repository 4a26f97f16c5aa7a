import { ConflictException, NotFoundException } from '@nestjs/common';
import { ERROR_CODES, RETENTION_ERROR_CODES } from '@wegweiser/shared/contracts';

/** A legal hold blocks every erasure (409 `legalHold`). */
export function legalHoldConflict(): ConflictException {
  return new ConflictException({ code: RETENTION_ERROR_CODES.legalHold, message: 'A legal hold keeps this client.' });
}

/** The client is not there (any more): erased meanwhile or never in reach (404). */
export function clientNotFound(): NotFoundException {
  return new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such client.' });
}
