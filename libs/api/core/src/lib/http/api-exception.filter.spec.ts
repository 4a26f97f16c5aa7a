import { ArgumentsHost, ConflictException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import type { Request, Response } from 'express';
import { ApiExceptionFilter } from './api-exception.filter';
import { apiMiddlewareErrors } from './configure-http';

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

  it('keeps the caseload limit of a caseloadFull conflict, and nothing else of it', () => {
    const caseload = { managerId: 'm-1', maximum: 3, openClients: 3, email: 'secret@example.org' };
    expect(filter.toResponse(new ConflictException({ code: 'caseloadFull', message: 'full', caseload }))).toEqual({
      statusCode: 409,
      code: 'caseloadFull',
      message: 'full',
      caseload: { managerId: 'm-1', maximum: 3, openClients: 3 },
    });
    expect(filter.toResponse(new ConflictException({ code: 'caseloadFull', message: 'full', caseload: { maximum: '3' } }))).not.toHaveProperty('caseload');
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

  it('sends Retry-After with the 503 of an unreachable database, not with other errors', () => {
    const answer = (exception: unknown) => {
      const headers: Record<string, string> = {};
      const response = { headersSent: false, setHeader: (name: string, value: string) => (headers[name] = value), status: jest.fn().mockReturnThis(), json: jest.fn() };
      filter.catch(exception, { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost);
      return { headers, status: response.status.mock.calls[0]?.[0] };
    };
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    expect(answer(terminated)).toEqual({ headers: { 'Retry-After': '5' }, status: 503 });
    expect(answer(new NotFoundException())).toEqual({ headers: {}, status: 404 });
  });

  it('answers errors of Express middlewares (session store) itself, without passing them on', () => {
    const headers: Record<string, string> = {};
    const response = { headersSent: false, setHeader: (name: string, value: string) => (headers[name] = value), status: jest.fn().mockReturnThis(), json: jest.fn() };
    const next = jest.fn();
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    apiMiddlewareErrors()(refused, {} as Request, response as unknown as Response, next);
    expect(response.status).toHaveBeenCalledWith(503);
    expect(response.json).toHaveBeenCalledWith(expect.objectContaining({ code: 'databaseUnavailable' }));
    expect(headers['Retry-After']).toBe('5');
    expect(next).not.toHaveBeenCalled();
  });
});
