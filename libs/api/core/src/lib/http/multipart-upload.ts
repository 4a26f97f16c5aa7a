import { applyDecorators, BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import { ApiConsumes } from '@nestjs/swagger';
import { ERROR_CODES, VALIDATION_CODES } from '@wegweiser/shared/contracts';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { prototypeKeyPaths, prototypeKeysRefused } from './prototype-keys';
import { AcceptsMultipart, MULTIPART_MEDIA_TYPE } from './request-body.guard';
import { forbiddenCharacterIn } from './text-characters';
import { hasLoneSurrogate } from './well-formed-text';

/** What multer leaves on the request: text fields in `body`, the file (its name as sent) in `file`. */
type MultipartRequest = Request & { file?: { fieldname: string; originalname: string } };

/**
 * Text busboy decoded from bytes that were no UTF-8 holds U+FFFD; a lone surrogate cannot come out of it, but is checked
 * alike. Field names, values and file names are single-line text: controls, bidi overrides and invisible characters
 * (`Liste\u202Evsc.exe`) are refused as well.
 */
const isIllFormed = (text: string): boolean => text.includes('\uFFFD') || hasLoneSurrogate(text) || forbiddenCharacterIn(text, false);

/** The text fields (names or values) and file names of a parsed multipart request that are not well-formed text. */
export function illFormedMultipartFields(req: Pick<MultipartRequest, 'body' | 'file'>): string[] {
  const fields = Object.entries((req.body ?? {}) as Record<string, unknown>)
    .filter(([name, value]) => isIllFormed(name) || (typeof value === 'string' && isIllFormed(value)))
    .map(([name]) => name);
  if (req.file && isIllFormed(req.file.originalname)) fields.push(req.file.fieldname);
  return fields;
}

/**
 * After multer: refuses prototype keys among the field names (400 `unknownProperty`) and ill-formed text in field
 * names, values and the file name (400 `validationFailed`, field → `invalid`). The body checks of configureHttp run
 * before routing, when a multipart body is still unread.
 */
@Injectable()
export class WellFormedMultipartInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<MultipartRequest>();
    const prototypePaths = prototypeKeyPaths(req.body);
    if (prototypePaths.length) throw prototypeKeysRefused(prototypePaths);
    const fields = illFormedMultipartFields(req);
    if (fields.length) {
      throw new BadRequestException({
        code: ERROR_CODES.validationFailed,
        message: `Invalid fields: ${fields.join(', ')}`,
        errors: Object.fromEntries(fields.map((field) => [field, VALIDATION_CODES.invalid])),
      });
    }
    return next.handle();
  }
}

/**
 * Declares a `multipart/form-data` route with one file in `field` (memory storage, the given limits): the only kind
 * of route that accepts a non-JSON body (RequestBodyGuard), documented as such in OpenAPI, with part names decoded
 * as UTF-8 (what browsers send) and ill-formed text refused.
 */
export function MultipartUpload(field: string, limits: MulterOptions['limits']): MethodDecorator & ClassDecorator {
  return applyDecorators(
    AcceptsMultipart(),
    ApiConsumes(MULTIPART_MEDIA_TYPE),
    UseInterceptors(FileInterceptor(field, { limits, defParamCharset: 'utf8' }), WellFormedMultipartInterceptor),
  );
}
