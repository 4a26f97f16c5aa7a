import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { ClientAccess, ClientsService, SupportService } from '@wegweiser/api/clients';
import { ConversationsService } from '@wegweiser/api/conversations';
import { OutcomesService, SoftRatingsService } from '@wegweiser/api/outcomes';
import { ConsentsService, PlanService } from '@wegweiser/api/plans';
import { LanguageSkillsService, QualificationsService } from '@wegweiser/api/qualifications';
import { readParts } from '@wegweiser/api/database';
import { ClientFileResponse, TimelineEventKind, TimelineResponse } from '@wegweiser/shared/contracts';
import { TIMELINE_SQL, TimelineRow } from './timeline.sql';

/** The whole client file and its timeline, each read audited as one event. */
@Injectable()
export class CaseFileService {
  constructor(
    private readonly access: ClientAccess,
    private readonly audit: AuditService,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly clients: ClientsService,
    private readonly support: SupportService,
    private readonly qualifications: QualificationsService,
    private readonly languages: LanguageSkillsService,
    private readonly consents: ConsentsService,
    private readonly plans: PlanService,
    private readonly conversations: ConversationsService,
    private readonly outcomes: OutcomesService,
    private readonly ratings: SoftRatingsService,
  ) {}

  /**
   * Access is checked on the client's row; then every part of the file comes from one statement (each part a JSON
   * sub-select of its own feature, read back by that feature as its own endpoint answers), audited as one read.
   */
  async file(clientId: string): Promise<ClientFileResponse> {
    const entity = await this.access.readable(clientId);
    const refusal = this.access.writeRefusal(entity);
    return this.audit.readScope({ entityType: 'client_file', entityId: clientId, clientId }, async () => {
      const parts = {
        client: this.clients.filePart(entity),
        support: this.support.filePart(entity),
        qualifications: this.qualifications.filePart(entity.id),
        languages: this.languages.filePart(),
        consents: this.consents.filePart(),
        plan: this.plans.filePart(entity),
        conversations: this.conversations.filePart(entity),
        outcomes: this.outcomes.filePart(),
        ratings: this.ratings.filePart(),
      };
      return { ...(await readParts(this.txHost.tx, parts, [entity.id])), access: { canEdit: refusal === null, refusal } };
    });
  }

  async timeline(clientId: string, limit: number): Promise<TimelineResponse> {
    await this.access.readable(clientId);
    const rows: TimelineRow[] = await this.txHost.tx.query(TIMELINE_SQL, [clientId, limit]);
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'client_timeline', entityId: clientId, clientId });
    return {
      items: rows.map((row) => ({ kind: row.kind as TimelineEventKind, at: new Date(row.at).toISOString(), entityId: row.entity_id, details: row.details })),
    };
  }
}
