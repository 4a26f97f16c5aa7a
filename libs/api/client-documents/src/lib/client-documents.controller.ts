import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/core';
import { API_ROUTES } from '@wegweiser/shared/contracts';
import { PlanDocumentQueryDto } from './dto/plan-document-query.dto';
import { PlanDocumentService } from './plan-document/plan-document.service';
import { SubjectAccessService } from './subject-access/subject-access.service';

/** Fixed file names: no names or case numbers in headers. */
export const CLIENT_DOCUMENT_FILES = {
  plan: 'integrationsplan.pdf',
  subjectAccess: 'auskunft-art-15.pdf',
} as const;

const pdf = (content: Buffer, fileName: string) =>
  new StreamableFile(content, { type: 'application/pdf', disposition: `attachment; filename="${fileName}"`, length: content.length });

/** Documents of one client as PDF downloads (never cached: `Cache-Control: no-store` like every API response). */
@ApiTags('client-documents')
@Controller(`${API_ROUTES.clients}/:id/documents`)
export class ClientDocumentsController {
  constructor(
    private readonly plans: PlanDocumentService,
    private readonly subjectAccess: SubjectAccessService,
  ) {}

  /** "Integrationsplan drucken": the current plan to sign, German and the client's language side by side. */
  @RequirePermission('client:read')
  @Get('plan')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The plan as PDF (attachment).' })
  @ApiNotFoundResponse({ description: 'No such client in the own team.' })
  async plan(@Param('id', ParseUUIDPipe) id: string, @Query() query: PlanDocumentQueryDto): Promise<StreamableFile> {
    return pdf(await this.plans.render(id, query.language), CLIENT_DOCUMENT_FILES.plan);
  }

  /** "Auskunft nach Art. 15 DSGVO": everything stored about the client, with the accesses to the file (team leads). */
  @RequirePermission('client:subject-access')
  @Get('subject-access')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The export as PDF (attachment).' })
  @ApiForbiddenResponse({ description: 'Role without `client:subject-access` (only team leads).' })
  @ApiNotFoundResponse({ description: 'No such client in the own team.' })
  async subjectAccessExport(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return pdf(await this.subjectAccess.export(id), CLIENT_DOCUMENT_FILES.subjectAccess);
  }
}
