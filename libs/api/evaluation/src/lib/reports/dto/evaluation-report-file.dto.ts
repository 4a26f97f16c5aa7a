import { ApiProperty } from '@nestjs/swagger';
import { EVALUATION_REPORT_FORMATS, EvaluationReportFormat } from '@wegweiser/shared/contracts';
import { IsIn } from 'class-validator';

/** `GET /api/evaluation/reports/:id/file?format=pdf|csv|json`. */
export class EvaluationReportFileQueryDto {
  @ApiProperty({ enum: EVALUATION_REPORT_FORMATS })
  @IsIn(EVALUATION_REPORT_FORMATS)
  format!: EvaluationReportFormat;
}
