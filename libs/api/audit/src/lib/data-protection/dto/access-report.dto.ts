import { ApiProperty } from '@nestjs/swagger';
import { CASE_NUMBER_PATTERN, ClientAccessReportRequest } from '@wegweiser/shared/contracts';
import { Matches } from 'class-validator';

/** Body of `POST /api/audit/access-report`. */
export class ClientAccessReportDto implements ClientAccessReportRequest {
  @ApiProperty({ description: 'The client’s case number (Aktenzeichen).', example: 'BH-2026-00012' })
  @Matches(CASE_NUMBER_PATTERN)
  caseNumber!: string;
}
