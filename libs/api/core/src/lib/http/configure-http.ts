import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX, API_ROUTES } from '@wegweiser/shared/contracts';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../config/load-config';
import { ApiExceptionFilter, isBodyParserError } from './api-exception.filter';
import { createValidationPipe } from './validation';

export const JSON_BODY_LIMIT = '1mb';

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
 * security headers, body limits, one error shape, validation, no caching of
 * API responses, OpenAPI under /api/docs.
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
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: JSON_BODY_LIMIT, extended: false });
  app.use(bodyParserErrors);
  app.use(`/${API_PREFIX}`, (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: '/', method: RequestMethod.GET }] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  setUpOpenApi(app);
}

/**
 * Nest maps body-parser's SyntaxError to a plain 400 with the parser's message;
 * this keeps the reason as a stable code instead.
 */
function bodyParserErrors(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  next(isBodyParserError(error) ? new ApiExceptionFilter().toHttpException(error) : error);
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
