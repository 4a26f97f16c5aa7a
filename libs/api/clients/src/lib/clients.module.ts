import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@wegweiser/api/audit';
import { CaseNumbers } from './case-numbers';
import { CaseloadLimit } from './caseload-limit';
import { ClientAccess } from './client-access';
import { ClientEntity } from './client.entity';
import { ClientsController } from './clients.controller';
import { ClientsService } from './clients.service';
import { DuplicateCheckController } from './duplicates/duplicate-check.controller';
import { DuplicateCheckService } from './duplicates/duplicate-check.service';
import { LastContact } from './last-contact';
import { ClientAssignmentEntity } from './reassignment/client-assignment.entity';
import { ReassignmentController, TeamManagersController } from './reassignment/reassignment.controller';
import { ReassignmentService } from './reassignment/reassignment.service';
import { SupportExtensionsController, SupportController } from './support/support.controller';
import { SupportEventEntity } from './support/support-event.entity';
import { SupportExtensionEntity } from './support/support-extension.entity';
import { SupportExtensionsService } from './support/support-extensions.service';
import { SupportView } from './support/support-view';
import { SupportService } from './support/support.service';

@Module({
  imports: [TypeOrmModule.forFeature([ClientEntity, SupportEventEntity, SupportExtensionEntity, ClientAssignmentEntity]), AuditModule],
  controllers: [DuplicateCheckController, ClientsController, SupportController, SupportExtensionsController, ReassignmentController, TeamManagersController],
  providers: [ClientsService, ClientAccess, CaseNumbers, CaseloadLimit, LastContact, SupportService, SupportExtensionsService, SupportView, ReassignmentService, DuplicateCheckService],
  exports: [ClientsService, ClientAccess, LastContact, SupportService],
})
export class ClientsModule {}
