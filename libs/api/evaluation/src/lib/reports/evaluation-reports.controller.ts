import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/core';
import { API_ROUTES, EvaluationReportJobResponse, EvaluationReportListResponse, EvaluationReportResponse } from '@wegweiser/shared/contracts';
import { EvaluationReportFileQueryDto } from './dto/evaluation-report-file.dto';
import { EvaluationReportRequestDto } from './dto/evaluation-report-request.dto';
import { EvaluationReportsService } from './evaluation-reports.service';

/** Anonymised evaluation: the preview, and report jobs built in the background (only their requester sees them). */
@ApiTags('evaluation')
@Controller(API_ROUTES.evaluation)
export class EvaluationReportsController {
  constructor(private readonly reports: EvaluationReportsService) {}

  /** The report's tables, built now (population below k → 422). */
  @RequirePermission('evaluation:read')
  @Post('preview')
  @HttpCode(200)
  preview(@Body() body: EvaluationReportRequestDto): Promise<EvaluationReportResponse> {
    return this.reports.preview(body);
  }

  /** Queues a report (202); population below k → 422 and nothing is stored. */
  @RequirePermission('evaluation:export')
  @Post('reports')
  @HttpCode(202)
  request(@Body() body: EvaluationReportRequestDto): Promise<EvaluationReportJobResponse> {
    return this.reports.request(body);
  }

  @RequirePermission('evaluation:export')
  @Get('reports')
  list(): Promise<EvaluationReportListResponse> {
    return this.reports.list();
  }

  @RequirePermission('evaluation:export')
  @Get('reports/:id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<EvaluationReportJobResponse> {
    return this.reports.get(id);
  }

  /** A finished report as PDF, CSV or JSON (an attachment; never cached). */
  @RequirePermission('evaluation:export')
  @Get('reports/:id/file')
  async file(@Param('id', ParseUUIDPipe) id: string, @Query() query: EvaluationReportFileQueryDto): Promise<StreamableFile> {
    const file = await this.reports.download(id, query.format);
    return new StreamableFile(file.content, { type: file.contentType, disposition: `attachment; filename="${file.fileName}"`, length: file.content.length });
  }
}
