import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { ClientAccess } from '@wegweiser/api/clients';
import { hydrateJsonRows, jsonRowsSql, StatementPart, versionedUpdate } from '@wegweiser/api/database';
import { CASE_ERROR_CODES, ERROR_CODES, QualificationsResponse, WorkExperienceResponse } from '@wegweiser/shared/contracts';
import { CreateWorkExperienceDto, UpdateQualificationsDto, UpdateWorkExperienceDto } from './dto/qualification.dto';
import { QualificationEntity, WorkExperienceEntity } from './qualification.entities';

const notFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such entry.' });

export const staleVersion = (currentVersion: number) =>
  new ConflictException({ code: CASE_ERROR_CODES.staleVersion, message: 'Someone else changed this in the meantime.', currentVersion });

const toWorkExperience = (w: WorkExperienceEntity): WorkExperienceResponse => ({ id: w.id, occupation: w.occupation, years: w.years, country: w.country, version: w.version });

/**
 * A client's qualifications (one record, created by the first PUT with
 * version 0) and work experience, behind `ClientAccess`; reads and changes audited.
 */
@Injectable()
export class QualificationsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly access: ClientAccess,
  ) {}

  async get(clientId: string): Promise<QualificationsResponse> {
    const client = await this.access.readable(clientId);
    const response = await this.load(client.id);
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'qualification', entityId: client.id, clientId: client.id });
    return response;
  }

  async put(clientId: string, dto: UpdateQualificationsDto): Promise<QualificationsResponse> {
    const client = await this.access.writable(clientId);
    const values = {
      schoolYears: dto.schoolYears ?? null,
      schoolCountry: dto.schoolCountry ?? null,
      schoolCertificate: dto.schoolCertificate ?? null,
      vocationalTraining: dto.vocationalTraining ?? null,
      universityDegree: dto.universityDegree ?? null,
      recognitionState: dto.recognitionState ?? null,
      interests: dto.interests ?? [],
    };
    const existing = await this.txHost.tx.getRepository(QualificationEntity).findOne({ where: { clientId: client.id } });
    let id: string;
    if (!existing) {
      if (dto.version !== 0) throw staleVersion(0);
      // ON CONFLICT: a concurrent first PUT won; this one is stale.
      const inserted = await this.txHost.tx
        .createQueryBuilder()
        .insert()
        .into(QualificationEntity)
        .values({ ...values, municipalityId: client.municipalityId, clientId: client.id, version: 1 })
        .orIgnore()
        .returning(['id'])
        .execute();
      const row = (inserted.raw as { id: string }[])[0];
      if (!row) throw staleVersion(1);
      id = row.id;
    } else {
      id = existing.id;
      await versionedUpdate(this.txHost.tx, QualificationEntity, id, dto.version, values, notFound, { client_id: client.id });
    }
    await this.audit.record({ action: existing ? 'update' : 'create', outcome: 'success', entityType: 'qualification', entityId: id, clientId: client.id });
    return this.load(client.id);
  }

  async addWorkExperience(clientId: string, dto: CreateWorkExperienceDto): Promise<WorkExperienceResponse> {
    const client = await this.access.writable(clientId);
    const repository = this.txHost.tx.getRepository(WorkExperienceEntity);
    const { identifiers } = await repository.insert({
      municipalityId: client.municipalityId,
      clientId: client.id,
      occupation: dto.occupation,
      years: dto.years,
      country: dto.country ?? null,
      version: 1,
    });
    const id = String(identifiers[0]?.['id']);
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'work_experience', entityId: id, clientId: client.id });
    return toWorkExperience(await repository.findOneByOrFail({ id, clientId: client.id }));
  }

  async updateWorkExperience(clientId: string, id: string, dto: UpdateWorkExperienceDto): Promise<WorkExperienceResponse> {
    const client = await this.access.writable(clientId);
    const { version, ...fields } = dto;
    const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    await versionedUpdate(this.txHost.tx, WorkExperienceEntity, id, version, changes, notFound, { client_id: client.id });
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'work_experience', entityId: id, clientId: client.id });
    const row = await this.txHost.tx.getRepository(WorkExperienceEntity).findOneBy({ id, clientId: client.id });
    if (!row) throw notFound();
    return toWorkExperience(row);
  }

  async removeWorkExperience(clientId: string, id: string): Promise<void> {
    const client = await this.access.writable(clientId, { intent: 'delete' });
    const result = await this.txHost.tx.getRepository(WorkExperienceEntity).delete({ id, clientId: client.id });
    if (!result.affected) throw notFound();
    await this.audit.record({ action: 'delete', outcome: 'success', entityType: 'work_experience', entityId: id, clientId: client.id });
  }

  /** The client file's part (`$1` = the client, access checked and the read audited by the file): as `get`. */
  filePart(clientId: string): StatementPart<QualificationsResponse> {
    const tx = this.txHost.tx;
    return {
      sql: `json_build_object('qualification', ${jsonRowsSql(tx, QualificationEntity, 't.client_id = $1', 't.id')},
                              'work', ${jsonRowsSql(tx, WorkExperienceEntity, 't.client_id = $1', 't.created_at, t.id')})`,
      read: (json) => {
        const { qualification, work } = json as { qualification: unknown; work: unknown };
        return toQualifications(clientId, hydrateJsonRows(tx, QualificationEntity, qualification)[0] ?? null, hydrateJsonRows(tx, WorkExperienceEntity, work));
      },
    };
  }

  private async load(clientId: string): Promise<QualificationsResponse> {
    const q = await this.txHost.tx.getRepository(QualificationEntity).findOne({ where: { clientId } });
    const work = await this.txHost.tx.getRepository(WorkExperienceEntity).find({ where: { clientId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return toQualifications(clientId, q, work);
  }
}

function toQualifications(clientId: string, q: QualificationEntity | null, work: WorkExperienceEntity[]): QualificationsResponse {
  return {
    clientId,
    schoolYears: q?.schoolYears ?? null,
    schoolCountry: q?.schoolCountry ?? null,
    schoolCertificate: q?.schoolCertificate ?? null,
    vocationalTraining: q?.vocationalTraining ?? null,
    universityDegree: q?.universityDegree ?? null,
    recognitionState: q?.recognitionState ?? null,
    interests: q?.interests ?? [],
    workExperience: work.map(toWorkExperience),
    version: q?.version ?? 0,
  };
}
