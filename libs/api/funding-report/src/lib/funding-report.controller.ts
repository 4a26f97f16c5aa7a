import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/auth';
import { API_ROUTES, fundingReportFileName, FundingReportResponse } from '@wegweiser/shared/contracts';
import { FundingReportQueryDto } from './dto/funding-report-query.dto';
import { FundingReportService } from './funding-report.service';

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** `/api/funding-report`: the funder's Verwendungsnachweis (staff data: administrators only, every run audited). */
@ApiTags('funding-report')
@Controller(API_ROUTES.fundingReport)
export class FundingReportController {
  constructor(private readonly reports: FundingReportService) {}

  @RequirePermission('funding:report')
  @Get()
  report(@Query() query: FundingReportQueryDto): Promise<FundingReportResponse> {
    return this.reports.report(query);
  }

  /** The state's spreadsheet layout: worksheets "Auswertung Zeitraum" and "Qualität". */
  @RequirePermission('funding:report')
  @Get('xlsx')
  xlsx(@Query() query: FundingReportQueryDto): Promise<StreamableFile> {
    return this.download(query, 'xlsx');
  }

  /** The Sachbericht frame (tagged PDF, German). */
  @RequirePermission('funding:report')
  @Get('pdf')
  pdf(@Query() query: FundingReportQueryDto): Promise<StreamableFile> {
    return this.download(query, 'pdf');
  }

  private async download(query: FundingReportQueryDto, format: 'xlsx' | 'pdf'): Promise<StreamableFile> {
    const content = await this.reports.file(query, format);
    const fileName = fundingReportFileName(query.from, query.to, format);
    return new StreamableFile(content, { type: CONTENT_TYPES[format], disposition: `attachment; filename="${fileName}"`, length: content.length });
  }
}
