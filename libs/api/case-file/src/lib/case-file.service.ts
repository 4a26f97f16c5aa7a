import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { ClientAccess, ClientsService, SupportService } from '@wegweiser/api/clients';
import { ConversationsService } from '@wegweiser/api/conversations';
import { OutcomesService, SoftRatingsService } from '@wegweiser/api/outcomes';
import { ConsentsService, PlanService } from '@wegweiser/api/plans';
import { LanguageSkillsService, QualificationsService } from '@wegweiser/api/qualifications';
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

  async file(clientId: string): Promise<ClientFileResponse> {
    // Every part checks access to the client again: inside readOnce they share one lookup.
    return this.access.readOnce(async () => {
      const entity = await this.access.readable(clientId);
      const refusal = this.access.writeRefusal(entity);
      return this.audit.readScope({ entityType: 'client_file', entityId: clientId, clientId }, async () => ({
        client: await this.clients.get(clientId),
        support: await this.support.get(clientId),
        qualifications: await this.qualifications.get(clientId),
        languages: await this.languages.list(clientId),
        consents: await this.consents.list(clientId),
        plan: await this.plans.get(clientId),
        conversations: await this.conversations.list(clientId),
        outcomes: await this.outcomes.list(clientId),
        ratings: await this.ratings.list(clientId),
        access: { canEdit: refusal === null, refusal },
      }));
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
