import { Body, Controller, ExecutionContext, HttpException, Param, Post } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AcceptsMultipart, carriesBody, handlerTakesBody, isAcceptedMediaType, RequestBodyGuard } from './request-body.guard';

@Controller('sample')
class SampleController {
  @Post()
  create(@Body() body: object): object {
    return body;
  }

  @Post(':id/unlock')
  unlock(@Param('id') id: string): string {
    return id;
  }

  @Post('upload')
  @AcceptsMultipart()
  upload(): void {
    return undefined;
  }
}

const contextOf = (handler: keyof SampleController, req: { method: string; headers: Record<string, string>; body?: unknown }) =>
  ({
    getType: () => 'http',
    getClass: () => SampleController,
    getHandler: () => SampleController.prototype[handler],
    switchToHttp: () => ({ getRequest: () => req }),
  }) as unknown as ExecutionContext;

/** The guard's answer: true, or the status and body of what it threw. */
function check(handler: keyof SampleController, method: string, headers: Record<string, string>, body?: unknown): true | { status: number; body: unknown } {
  try {
    return new RequestBodyGuard(new Reflector()).canActivate(contextOf(handler, { method, headers, body })) as true;
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    return { status: error.getStatus(), body: error.getResponse() };
  }
}

describe('RequestBodyGuard', () => {
  const json = { 'content-type': 'application/json', 'content-length': '2' };

  it('accepts application/json with or without charset=utf-8, and nothing else', () => {
    expect(isAcceptedMediaType('application/json', 'application/json')).toBe(true);
    expect(isAcceptedMediaType('Application/JSON; Charset="UTF-8"', 'application/json')).toBe(true);
    for (const other of ['application/json; charset=utf-16', 'application/json; x=1', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', 'application/merge-patch+json', '', undefined]) {
      expect(isAcceptedMediaType(other, 'application/json')).toBe(false);
    }
    expect(isAcceptedMediaType('multipart/form-data; boundary=----x', 'multipart/form-data')).toBe(true);
    expect(isAcceptedMediaType('application/json', 'multipart/form-data')).toBe(false);
  });

  it('sees a body in a positive Content-Length or any Transfer-Encoding', () => {
    expect(carriesBody({ headers: {} })).toBe(false);
    expect(carriesBody({ headers: { 'content-length': '0' } })).toBe(false);
    expect(carriesBody({ headers: { 'content-length': '3' } })).toBe(true);
    expect(carriesBody({ headers: { 'transfer-encoding': 'chunked' } })).toBe(true);
  });

  it('reads @Body() from the route metadata', () => {
    expect(handlerTakesBody(SampleController, 'create')).toBe(true);
    expect(handlerTakesBody(SampleController, 'unlock')).toBe(false);
  });

  it('answers a state-changing request whose body is not JSON with 415 unsupportedMediaType', () => {
    expect(check('create', 'POST', json, {})).toBe(true);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      expect(check('create', 'POST', { 'content-type': type, 'content-length': '9' })).toEqual({ status: 415, body: expect.objectContaining({ code: 'unsupportedMediaType' }) });
    }
    expect(check('create', 'PATCH', { 'content-length': '9' })).toEqual(expect.objectContaining({ status: 415 }));
    expect(check('create', 'DELETE', { 'transfer-encoding': 'chunked' })).toEqual(expect.objectContaining({ status: 415 }));
    expect(check('create', 'POST', { 'content-type': 'text/plain', 'content-length': '0' })).toBe(true);
    expect(check('create', 'GET', { 'content-type': 'text/plain', 'content-length': '9' })).toBe(true);
  });

  it('takes multipart only where the route declares it, and nothing else there', () => {
    expect(check('upload', 'POST', { 'content-type': 'multipart/form-data; boundary=x', 'content-length': '99' })).toBe(true);
    expect(check('upload', 'POST', json)).toEqual(expect.objectContaining({ status: 415 }));
    expect(check('create', 'POST', { 'content-type': 'multipart/form-data; boundary=x', 'content-length': '99' })).toEqual(expect.objectContaining({ status: 415 }));
  });

  it('lets a body-less action have no body or {}, and refuses anything else like unknown properties', () => {
    expect(check('unlock', 'POST', {})).toBe(true);
    expect(check('unlock', 'POST', json, {})).toBe(true);
    expect(check('unlock', 'POST', json, { x: 1, role: 'admin' })).toEqual({
      status: 400,
      body: { code: 'validationFailed', message: 'Unknown properties: x, role', errors: { x: 'unknownProperty', role: 'unknownProperty' } },
    });
    expect(check('unlock', 'POST', json, [])).toEqual({ status: 400, body: expect.objectContaining({ errors: { body: 'invalid' } }) });
    expect(check('create', 'POST', json, { x: 1 })).toBe(true);
  });
});
