import { Body, Controller, HttpCode, Post, UploadedFile } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { MultipartUpload, RequirePermission } from '@wegweiser/api/core';
import { PARTNER_IMPORT_LIMITS, PartnerImportPreviewResponse, PartnerImportResultResponse } from '@wegweiser/shared/contracts';
import { ConfirmPartnerImportDto } from './confirm-import.dto';
import { PartnerImportService, UploadedImportFile } from './partner-import.service';

/** Multipart (the only kind besides JSON), memory storage, one file, at most PARTNER_IMPORT_LIMITS.fileBytes (larger: 413 `payloadTooLarge`). */
const upload = () => MultipartUpload('file', { fileSize: PARTNER_IMPORT_LIMITS.fileBytes, files: 1, fields: 2, parts: 3 });

const fileBody = (withToken: boolean) => ({
  schema: {
    type: 'object',
    required: withToken ? ['file', 'token'] : ['file'],
    properties: { file: { type: 'string', format: 'binary' }, ...(withToken ? { token: { type: 'string' } } : {}) },
  },
});

/** `partners/import`: a partner list from CSV or XLSX, previewed, then confirmed (administrators). */
@ApiTags('partners')
@Controller('partners/import')
export class PartnerImportController {
  constructor(private readonly imports: PartnerImportService) {}

  /** What the file would create, change or leave, and its wrong rows; writes nothing. */
  @RequirePermission('partner:manage')
  @Post('preview')
  @HttpCode(200)
  @ApiBody(fileBody(false))
  @upload()
  preview(@UploadedFile() file: UploadedImportFile | undefined): Promise<PartnerImportPreviewResponse> {
    return this.imports.preview(file);
  }

  /** Writes the previewed plan (same file, the preview's token); 409 `importStale` if anything changed since. */
  @RequirePermission('partner:manage')
  @Post('confirm')
  @HttpCode(200)
  @ApiBody(fileBody(true))
  @upload()
  confirm(@UploadedFile() file: UploadedImportFile | undefined, @Body() dto: ConfirmPartnerImportDto): Promise<PartnerImportResultResponse> {
    return this.imports.confirm(file, dto.token);
  }
}
