import { Module } from '@nestjs/common';
import { AuditModule } from '@wegweiser/api/audit';
import { ClientsModule } from '@wegweiser/api/clients';
import { ConversationsModule } from '@wegweiser/api/conversations';
import { OutcomesModule } from '@wegweiser/api/outcomes';
import { PlansModule } from '@wegweiser/api/plans';
import { QualificationsModule } from '@wegweiser/api/qualifications';
import { CaseFileController } from './case-file.controller';
import { CaseFileService } from './case-file.service';

/** The client file as one read, and the timeline across all parts of the case. */
@Module({
  imports: [AuditModule, ClientsModule, PlansModule, ConversationsModule, OutcomesModule, QualificationsModule],
  controllers: [CaseFileController],
  providers: [CaseFileService],
})
export class CaseFileModule {}
