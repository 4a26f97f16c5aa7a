import { Module } from '@nestjs/common';
import { AuditModule } from '@wegweiser/api/audit';
import { ClientsModule } from '@wegweiser/api/clients';
import { PlansModule } from '@wegweiser/api/plans';
import { ClientDocumentsController } from './client-documents.controller';
import { PlanDocumentService } from './plan-document/plan-document.service';
import { SubjectAccessService } from './subject-access/subject-access.service';

/**
 * Client documents (`/api/clients/:id/documents/...`): the integration plan to
 * sign and the subject-access export (Art. 15 GDPR). Needs
 * `FieldEncryptionModule.forRoot(...)` in the root module (conversation notes).
 */
@Module({
  imports: [AuditModule, ClientsModule, PlansModule],
  controllers: [ClientDocumentsController],
  providers: [PlanDocumentService, SubjectAccessService],
})
export class ClientDocumentsModule {}
