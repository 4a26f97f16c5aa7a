import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ApiErrorResponse, CaseloadFullDetails, ERROR_CODES } from '@wegweiser/shared/contracts';
import type { Response } from 'express';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable';
import { isInputDataException } from './input-data-exception';

const CODE_BY_STATUS: Record<number, string> = {
  400: ERROR_CODES.badRequest,
  401: ERROR_CODES.unauthorized,
  403: ERROR_CODES.forbidden,
  404: ERROR_CODES.notFound,
  409: ERROR_CODES.conflict,
  413: ERROR_CODES.payloadTooLarge,
  415: ERROR_CODES.unsupportedMediaType,
  429: ERROR_CODES.tooManyRequests,
  503: ERROR_CODES.databaseUnavailable,
};

/** Errors raised by body-parser before Nest routing (they carry `type` and `status`). */
export interface BodyParserError {
  type: string;
  status: number;
}
export const isBodyParserError = (e: unknown): e is BodyParserError =>
  typeof e === 'object' && e !== null && typeof (e as BodyParserError).type === 'string' && typeof (e as BodyParserError).status === 'number';

/**
 * Renders every error as `ApiErrorResponse`; never a stack trace, never the
 * request body. Unexpected errors are logged (without request data) as 500.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    this.respond(exception, host.switchToHttp().getResponse<Response>());
  }

  /** Answers `exception` on `response` (also for errors of Express middlewares, see `apiMiddlewareErrors`). */
  respond(exception: unknown, response: Response): void {
    const body = this.toResponse(exception);
    if (body.statusCode >= 500 && body.code === ERROR_CODES.internalError) {
      const name = exception instanceof Error ? exception.name : typeof exception;
      this.logger.error({ errorName: name, errorMessage: exception instanceof Error ? exception.message : undefined }, 'Unhandled error');
    }
    if (response.headersSent) return;
    if (body.code === ERROR_CODES.databaseUnavailable) {
      this.logger.warn({ errorCode: (exception as { code?: unknown } | null)?.code }, 'Database unavailable: answered 503');
      response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    }
    response.status(body.statusCode).json(body);
  }

  toResponse(exception: unknown): ApiErrorResponse {
    if (exception instanceof HttpException) return this.fromHttpException(exception);
    if (isBodyParserError(exception)) return this.fromBodyParser(exception);
    if (isInputDataException(exception)) return { statusCode: 400, code: ERROR_CODES.badRequest, message: 'A value of the request cannot be stored.' };
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: 503, code: ERROR_CODES.databaseUnavailable, message: 'The database is not reachable. Please try again shortly.' };
    }
    return { statusCode: 500, code: ERROR_CODES.internalError, message: 'Internal server error' };
  }

  private fromHttpException(exception: HttpException): ApiErrorResponse {
    const statusCode = exception.getStatus();
    const payload = exception.getResponse();
    const fallbackCode = CODE_BY_STATUS[statusCode] ?? (statusCode >= 500 ? ERROR_CODES.internalError : ERROR_CODES.badRequest);
    if (typeof payload === 'string') return { statusCode, code: fallbackCode, message: payload };
    const { code, message, errors, currentVersion, caseload } = payload as { code?: unknown; message?: unknown; errors?: unknown; currentVersion?: unknown; caseload?: unknown };
    return {
      statusCode,
      code: typeof code === 'string' ? code : fallbackCode,
      message: Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message,
      ...(errors && typeof errors === 'object' ? { errors: errors as Record<string, string> } : {}),
      ...(typeof currentVersion === 'number' ? { currentVersion } : {}),
      ...(isCaseloadDetails(caseload) ? { caseload: { managerId: caseload.managerId, maximum: caseload.maximum, openClients: caseload.openClients } } : {}),
    };
  }

  /** A body-parser error as an HttpException carrying its code. */
  toHttpException(error: BodyParserError): HttpException {
    const body = this.fromBodyParser(error);
    return new HttpException(body, body.statusCode);
  }

  private fromBodyParser(error: BodyParserError): ApiErrorResponse {
    switch (error.type) {
      case 'entity.parse.failed':
        return { statusCode: 400, code: ERROR_CODES.malformedJson, message: 'The request body is not valid JSON.' };
      case 'entity.too.large':
        return { statusCode: 413, code: ERROR_CODES.payloadTooLarge, message: 'The request body is too large.' };
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return { statusCode: 415, code: ERROR_CODES.unsupportedMediaType, message: 'Unsupported request encoding.' };
      default: {
        const statusCode = error.status >= 400 && error.status < 500 ? error.status : 400;
        return { statusCode, code: CODE_BY_STATUS[statusCode] ?? ERROR_CODES.badRequest, message: 'The request body could not be read.' };
      }
    }
  }
}

/** The `caseload` part of a 409 `caseloadFull` (only these three fields pass). */
function isCaseloadDetails(value: unknown): value is CaseloadFullDetails {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['managerId'] === 'string' && typeof candidate['maximum'] === 'number' && typeof candidate['openClients'] === 'number';
}
