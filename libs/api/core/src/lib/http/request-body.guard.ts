import { BadRequestException, CanActivate, ExecutionContext, Injectable, SetMetadata, Type, UnsupportedMediaTypeException } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Reflector } from '@nestjs/core';
import { ERROR_CODES, VALIDATION_CODES } from '@wegweiser/shared/contracts';
import type { Request } from 'express';

export const JSON_MEDIA_TYPE = 'application/json';
export const MULTIPART_MEDIA_TYPE = 'multipart/form-data';
export const BODY_MEDIA_TYPE_KEY = 'wegweiser:body-media-type';

/** The route's body is `multipart/form-data` (and only that); every other route takes JSON. See `MultipartUpload`. */
export const AcceptsMultipart = () => SetMetadata(BODY_MEDIA_TYPE_KEY, MULTIPART_MEDIA_TYPE);

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `type/subtype` in lower case and the parameters (names lower case, values unquoted), or `undefined` without a header. */
export function parseMediaType(header: string | undefined): { type: string; parameters: Record<string, string> } | undefined {
  if (header === undefined) return undefined;
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim());
  return {
    type: type.toLowerCase(),
    parameters: Object.fromEntries(
      parameters.filter(Boolean).map((parameter) => {
        const equals = parameter.indexOf('=');
        const name = (equals < 0 ? parameter : parameter.slice(0, equals)).trim().toLowerCase();
        const value = equals < 0 ? '' : parameter.slice(equals + 1).trim().replace(/^"(.*)"$/, '$1');
        return [name, value];
      }),
    ),
  };
}

/** `application/json`, alone or with `charset=utf-8`; `multipart/form-data` with its parameters (the boundary). */
export function isAcceptedMediaType(header: string | undefined, accepted: string): boolean {
  const media = parseMediaType(header);
  if (!media || media.type !== accepted) return false;
  if (accepted === MULTIPART_MEDIA_TYPE) return true;
  return Object.entries(media.parameters).every(([name, value]) => name === 'charset' && value.toLowerCase() === 'utf-8');
}

/** Bytes announced (`Content-Length` above 0) or streamed (`Transfer-Encoding`, whatever its length turns out to be). */
export function carriesBody(req: Pick<Request, 'headers'>): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length'] ?? 0);
  return !Number.isFinite(length) || length > 0;
}

/** True if a parameter of the handler is bound with `@Body()` (whole body or one property). */
export function handlerTakesBody(controller: Type, handlerName: string): boolean {
  const parameters = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handlerName) ?? {}) as Record<string, unknown>;
  return Object.keys(parameters).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY));
}

/**
 * Request hygiene of state-changing requests (docs/security.md), after the CSRF check and the AuthGuard (global
 * guards added in configureHttp run after the APP_GUARD) and before interceptors, pipes and the handler:
 * - a body must be `application/json` (optionally `; charset=utf-8`), or `multipart/form-data` on routes that
 *   declare it with `AcceptsMultipart`/`MultipartUpload` (and only there): else 415 `unsupportedMediaType`. Nothing
 *   but JSON is parsed, so any other body would reach the handler as "no body";
 * - a handler without `@Body()` takes no body or `{}`; any other JSON is refused like unknown properties (400).
 */
@Injectable()
export class RequestBodyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (!STATE_CHANGING.has(req.method)) return true;
    const accepted = this.reflector.getAllAndOverride<string | undefined>(BODY_MEDIA_TYPE_KEY, [context.getHandler(), context.getClass()]) ?? JSON_MEDIA_TYPE;
    if (carriesBody(req) && !isAcceptedMediaType(req.headers['content-type'], accepted)) {
      throw new UnsupportedMediaTypeException({
        code: ERROR_CODES.unsupportedMediaType,
        message: `This request takes a body of type ${accepted} only.`,
      });
    }
    if (accepted === JSON_MEDIA_TYPE && !handlerTakesBody(context.getClass(), context.getHandler().name)) refuseBodyContent(req.body);
    return true;
  }
}

/** An action without a body: nothing, or `{}`. */
function refuseBodyContent(body: unknown): void {
  if (body === undefined || body === null) return;
  const keys = typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : [];
  if (keys.length) {
    throw new BadRequestException({
      code: ERROR_CODES.validationFailed,
      message: `Unknown properties: ${keys.join(', ')}`,
      errors: Object.fromEntries(keys.map((key) => [key, VALIDATION_CODES.unknownProperty])),
    });
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new BadRequestException({ code: ERROR_CODES.validationFailed, message: 'This action takes no request body.', errors: { body: VALIDATION_CODES.invalid } });
  }
}
