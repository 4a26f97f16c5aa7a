import { INestApplication, NestApplicationOptions, RequestMethod } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX, API_ROUTES } from '@wegweiser/shared/contracts';
import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import compression from 'compression';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../config/load-config';
import { ApiExceptionFilter, isBodyParserError } from './api-exception.filter';
import { rejectDeepBodies } from './body-depth';
import { rejectPrototypeKeys } from './prototype-keys';
import { RequestBodyGuard } from './request-body.guard';
import { rejectMalformedUrl } from './well-formed-url';
import { rejectMalformedText } from './well-formed-text';
import { createValidationPipe } from './validation';

export const JSON_BODY_LIMIT = '1mb';

/**
 * Options for `NestFactory.create` of every app that `configureHttp` configures: Nest's own body parsers off (at
 * start-up it would add JSON and an `extended` urlencoded parser next to the JSON parser configured here), so a
 * form-encoded body is never parsed.
 */
export const HTTP_APPLICATION_OPTIONS: NestApplicationOptions = { bodyParser: false };

/** Responses smaller than this go uncompressed (the gzip header and the CPU cost outweigh the saving). */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Sign-in and CSRF-token responses carry secrets: they are never compressed,
 * so a secret can never share a compressed response with attacker-influenced
 * text (BREACH).
 */
export function shouldCompress(req: Request, res: Response): boolean {
  if (req.path.startsWith(`/${API_PREFIX}/${API_ROUTES.auth}`)) return false;
  return compression.filter(req, res);
}

/** The CSP the Angular production build satisfies (no inline scripts). */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  upgradeInsecureRequests: null,
};

/**
 * The HTTP baseline shared by main.ts and the in-process e2e tests:
 * security headers, gzip/deflate/br-negotiated compression (not for auth
 * responses), body limits, request hygiene (JSON bodies only, well-formed
 * URLs, no prototype keys), one error shape, validation, no caching of API
 * responses, OpenAPI under /api/docs.
 */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  if (config.TRUST_PROXY) app.set('trust proxy', 1);
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      strictTransportSecurity: config.NODE_ENV === 'production' && config.TRUST_PROXY,
    }),
  );
  app.use(compression({ threshold: COMPRESSION_THRESHOLD_BYTES, filter: shouldCompress }));
  // JSON only: any other body stays unread and is refused (415) by RequestBodyGuard, multipart by its route (MultipartUpload).
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.use(bodyParserErrors);
  app.use(`/${API_PREFIX}`, rejectMalformedUrl, rejectPrototypeKeys);
  app.use(rejectDeepBodies);
  app.use(rejectMalformedText);
  app.use(`/${API_PREFIX}`, (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: '/', method: RequestMethod.GET }] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalGuards(new RequestBodyGuard(app.get(Reflector)));
  app.useGlobalFilters(new ApiExceptionFilter());
  setUpOpenApi(app);
}

/**
 * Nest maps body-parser's SyntaxError to a plain 400 with the parser's message;
 * this keeps the reason as a stable code instead.
 */
function bodyParserErrors(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  if (isBodyParserError(error)) return next(new ApiExceptionFilter().toHttpException(error));
  // A body that cannot be decompressed (Content-Encoding: gzip on plain bytes) arrives as a 4xx without a `type`.
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) return next(new ApiExceptionFilter().toHttpException({ type: 'entity.unreadable', status }));
  next(error);
}

/**
 * Answers errors of the Express middlewares mounted before the routes under
 * /api (session store, CSRF) in the API's error shape. Mount it after them:
 * left to travel on, @nestjs/serve-static's error handler turns every error
 * on an excluded path (/api/...) into 404 "Cannot GET" — a database outage
 * in the session store would look like a missing route instead of 503.
 */
export function apiMiddlewareErrors(): ErrorRequestHandler {
  const filter = new ApiExceptionFilter();
  // Express treats a handler as an error handler by its four parameters.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  return (error: unknown, _req: Request, res: Response, _next: NextFunction) => filter.respond(error, res);
}

function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Wegweiser API')
      .setDescription('Case management for municipal integration management. Every error has the shape ApiErrorResponse.')
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/${API_ROUTES.docs}`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/${API_ROUTES.docs}-json`,
    raw: ['json'],
  });
}
