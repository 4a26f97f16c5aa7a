import { Module } from '@nestjs/common';
import { AuditModule } from '@wegweiser/api/audit';
import { FundingReportController } from './funding-report.controller';
import { FundingReportService } from './funding-report.service';

/** The funder's Verwendungsnachweis and Sachbericht frame (issue 19): `/api/funding-report`. */
@Module({
  imports: [AuditModule],
  controllers: [FundingReportController],
  providers: [FundingReportService],
})
export class FundingReportModule {}
