import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/load-config';

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

/** Accept a well-formed incoming X-Request-Id (from a proxy), else mint one. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** Only the path: query strings may carry search terms typed by a user. */
const pathOnly = (url: string | undefined) => (url ?? '').split('?')[0];

/**
 * Structured JSON logs (pino). Requests are logged as id, method, path,
 * status and duration: never headers, cookies, query strings or bodies.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: requestId,
            quietReqLogger: true,
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/health') },
            customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: pathOnly(req.url) }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              err: (err: Error) => ({ type: err.name, message: err.message }),
            },
            redact: { paths: ['req.headers', 'req.body', 'req.query', 'res.headers'], remove: true },
          },
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        }),
      ],
    };
  }
}
