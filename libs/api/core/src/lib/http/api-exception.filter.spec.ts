import { ConflictException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ApiExceptionFilter } from './api-exception.filter';

describe('ApiExceptionFilter.toResponse', () => {
  const filter = new ApiExceptionFilter();

  it('keeps code, message, field errors and the current version of a conflict', () => {
    expect(filter.toResponse(new ConflictException({ code: 'staleVersion', message: 'changed', currentVersion: 4, stack: 'secret' }))).toEqual({
      statusCode: 409,
      code: 'staleVersion',
      message: 'changed',
      currentVersion: 4,
    });
  });

  it('derives a code from the status when none is given', () => {
    expect(filter.toResponse(new NotFoundException())).toEqual(expect.objectContaining({ statusCode: 404, code: 'notFound' }));
  });

  it('maps body-parser errors to stable codes', () => {
    expect(filter.toResponse({ type: 'entity.parse.failed', status: 400 })).toEqual(expect.objectContaining({ statusCode: 400, code: 'malformedJson' }));
    expect(filter.toResponse({ type: 'entity.too.large', status: 413 })).toEqual(expect.objectContaining({ statusCode: 413, code: 'payloadTooLarge' }));
  });

  it('answers an unreachable database with 503 and anything unexpected with a bare 500', () => {
    const refused = new QueryFailedError('SELECT 1', [], Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    expect(filter.toResponse(refused)).toEqual(expect.objectContaining({ statusCode: 503, code: 'databaseUnavailable' }));
    const internal = filter.toResponse(new Error('secret detail at file.ts:12'));
    expect(internal).toEqual({ statusCode: 500, code: 'internalError', message: 'Internal server error' });
  });
});
