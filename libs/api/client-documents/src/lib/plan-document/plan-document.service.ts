import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { ClientAccess } from '@wegweiser/api/clients';
import { calendarToday } from '@wegweiser/api/core';
import { PlanDocumentLanguage, renderBilingualPlanPdf } from '@wegweiser/api/documents';
import { PlanReader } from '@wegweiser/api/plans';
import { toPlanDocumentInput } from './plan-document-input';

/**
 * "Integrationsplan drucken": the client's current plan for signing, German
 * and the client's language side by side. Dated with the latest agreement
 * (or today when the plan has not been agreed yet: it is signed on printing).
 * Anyone who may read the client may print it; every print is audited.
 */
@Injectable()
export class PlanDocumentService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly access: ClientAccess,
    private readonly audit: AuditService,
    private readonly reader: PlanReader,
  ) {}

  async render(clientId: string, language: PlanDocumentLanguage): Promise<Buffer> {
    const client = await this.access.readable(clientId);
    const goals = await this.reader.goals(clientId);
    const [latest] = (await this.txHost.tx.query(
      'SELECT agreed_on::text AS "agreedOn" FROM plan_agreement WHERE client_id = $1 ORDER BY version DESC LIMIT 1',
      [clientId],
    )) as { agreedOn: string }[];
    const pdf = await renderBilingualPlanPdf(toPlanDocumentInput(client, goals, language, latest?.agreedOn ?? calendarToday()));
    await this.audit.record({ action: 'export', outcome: 'success', entityType: 'plan_document', entityId: clientId, clientId });
    return pdf;
  }
}
