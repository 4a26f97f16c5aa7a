import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission, calendarToday } from '@wegweiser/api/core';
import {
  API_ROUTES,
  AuditChainStatusResponse,
  AuditPersonResponse,
  AuditTablePageResponse,
  AuditVerificationResponse,
  ClientAccessReportResponse,
  SubjectAccessExportResponse,
} from '@wegweiser/shared/contracts';
import { AuditChainService } from './audit-chain.service';
import { DataProtectionService } from './data-protection.service';
import { ClientAccessReportDto } from './dto/access-report.dto';
import { AuditExportDto, AuditSearchDto } from './dto/audit-search.dto';

/**
 * The data-protection officer's screens (`audit:read`, own municipality):
 * the audit table with names and case numbers, its CSV export, the access
 * report of one client file, the accounts for the person filter, the Art. 15
 * exports and the hash chain's verification. Searches are POST bodies (no
 * case number or name in a URL).
 */
@ApiTags('audit')
@ApiForbiddenResponse({ description: 'Role without `audit:read` (only dpo).' })
@Controller(API_ROUTES.audit)
export class DataProtectionController {
  constructor(
    private readonly dataProtection: DataProtectionService,
    private readonly chain: AuditChainService,
  ) {}

  @RequirePermission('audit:read')
  @Post('search')
  @HttpCode(200)
  @ApiOkResponse({ description: 'AuditTablePageResponse, newest first; pass `nextBefore` as `before` for the next page.' })
  search(@Body() body: AuditSearchDto): Promise<AuditTablePageResponse> {
    return this.dataProtection.search(body);
  }

  /** Every matching event as CSV (`;`, UTF-8 with BOM); the export is audited. */
  @RequirePermission('audit:read')
  @Post('export')
  @HttpCode(200)
  async export(@Body() body: AuditExportDto): Promise<StreamableFile> {
    const csv = Buffer.from(await this.dataProtection.exportCsv(body), 'utf8');
    return new StreamableFile(csv, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="audit-protokoll-${calendarToday()}.csv"`,
      length: csv.length,
    });
  }

  @RequirePermission('audit:read')
  @Post('access-report')
  @HttpCode(200)
  accessReport(@Body() body: ClientAccessReportDto): Promise<ClientAccessReportResponse> {
    return this.dataProtection.accessReport(body.caseNumber);
  }

  @RequirePermission('audit:read')
  @Get('people')
  people(): Promise<AuditPersonResponse[]> {
    return this.dataProtection.people();
  }

  @RequirePermission('audit:read')
  @Get('subject-access-exports')
  subjectAccessExports(): Promise<SubjectAccessExportResponse[]> {
    return this.dataProtection.subjectAccessExports();
  }

  @RequirePermission('audit:read')
  @Get('chain')
  chainStatus(): Promise<AuditChainStatusResponse> {
    return this.chain.status();
  }

  /** "Jetzt prüfen": queues a verification (202); while one runs, that one is returned. */
  @RequirePermission('audit:read')
  @Post('chain/verifications')
  @HttpCode(202)
  verify(): Promise<AuditVerificationResponse> {
    return this.chain.start();
  }

  @RequirePermission('audit:read')
  @Get('chain/verifications/:id')
  verification(@Param('id', ParseUUIDPipe) id: string): Promise<AuditVerificationResponse> {
    return this.chain.get(id);
  }
}
