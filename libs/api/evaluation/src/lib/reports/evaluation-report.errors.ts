import { BadRequestException, ConflictException, HttpException, UnprocessableEntityException } from '@nestjs/common';
import { ERROR_CODES } from '@wegweiser/shared/contracts';
import { DisclosureControlError, InconsistentLinkedTablesError, PopulationBelowThresholdError } from '../disclosure';
import { InvalidMetricsQueryError } from '../metrics';

/**
 * 422 when the whole population is below k: nothing is produced. The body is the same for every population
 * below k (0, 1, …, k − 1): it names the municipality's k, never the size.
 */
export function populationBelowThreshold(k: number): UnprocessableEntityException {
  return new UnprocessableEntityException({
    code: 'populationBelowThreshold',
    message:
      `Für den gewählten Zeitraum gibt es weniger als ${k} Klient:innen. ` +
      'Damit niemand erkennbar wird, kann daraus kein Bericht erstellt werden. Bitte wählen Sie einen längeren Zeitraum.',
  });
}

/** The HTTP answer for an error of the report generator that the requester caused; `undefined` for anything else (500). */
export function toEvaluationHttpError(error: unknown): HttpException | undefined {
  if (error instanceof PopulationBelowThresholdError) return populationBelowThreshold(error.k);
  if (error instanceof InconsistentLinkedTablesError) {
    // The data changed while the preview was being computed (its queries run in the request's READ COMMITTED transaction).
    return new ConflictException({ code: ERROR_CODES.conflict, message: 'The figures changed while they were being computed. Please try again.' });
  }
  if (error instanceof InvalidMetricsQueryError) {
    return new BadRequestException({ code: ERROR_CODES.validationFailed, message: 'Invalid period', errors: { from: 'isCalendarDate' } });
  }
  return undefined;
}

/** The stable code stored with a failed report job (never a message: it could carry labels or values). */
export function reportErrorCode(error: unknown): string {
  if (error instanceof DisclosureControlError) return error.code;
  if (error instanceof InvalidMetricsQueryError) return error.code;
  return ERROR_CODES.internalError;
}
