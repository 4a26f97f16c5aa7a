import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { ClientAccess } from '@wegweiser/api/clients';
import { versionedUpdate } from '@wegweiser/api/database';
import { ERROR_CODES, GERMAN_LANGUAGE_CODE, LanguageSkillResponse, QUALIFICATION_FIELD_CODES } from '@wegweiser/shared/contracts';
import { PutLanguageSkillDto } from './dto/qualification.dto';
import { LanguageSkillEntity } from './qualification.entities';
import { staleVersion } from './qualifications.service';

const notFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such language.' });

const toResponse = (l: LanguageSkillEntity): LanguageSkillResponse => ({
  id: l.id,
  language: l.language,
  level: l.level,
  native: l.native,
  certificate: l.certificate,
  exam: l.exam,
  certifiedOn: l.certifiedOn,
  version: l.version,
});

/** Language skills (CEFR level per language; certificate, exam and date for German), behind `ClientAccess`; audited. */
@Injectable()
export class LanguageSkillsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly access: ClientAccess,
  ) {}

  private get repository() {
    return this.txHost.tx.getRepository(LanguageSkillEntity);
  }

  /** Native languages first, then German, then the rest by code. */
  async list(clientId: string): Promise<LanguageSkillResponse[]> {
    const client = await this.access.readable(clientId);
    const rows = await this.repository.find({ where: { clientId: client.id } });
    const rank = (l: LanguageSkillEntity) => (l.native ? 0 : l.language === GERMAN_LANGUAGE_CODE ? 1 : 2);
    rows.sort((a, b) => rank(a) - rank(b) || a.language.localeCompare(b.language));
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'language_skill_list', entityId: client.id, clientId: client.id });
    return rows.map(toResponse);
  }

  /** Adds the language (version 0) or replaces its entry (the version read last). */
  async put(clientId: string, language: string, dto: PutLanguageSkillDto): Promise<LanguageSkillResponse> {
    const client = await this.access.writable(clientId);
    const values = {
      level: dto.level,
      native: dto.native ?? false,
      certificate: dto.certificate ?? null,
      exam: dto.exam ?? null,
      certifiedOn: dto.certifiedOn ?? null,
    };
    if (language !== GERMAN_LANGUAGE_CODE) {
      const errors = Object.fromEntries(
        (['certificate', 'exam', 'certifiedOn'] as const).filter((field) => values[field] !== null).map((field) => [field, QUALIFICATION_FIELD_CODES.onlyForGerman]),
      );
      if (Object.keys(errors).length) throw new BadRequestException({ code: ERROR_CODES.validationFailed, message: `Invalid fields: ${Object.keys(errors).join(', ')}`, errors });
    }
    const existing = await this.repository.findOne({ where: { clientId: client.id, language } });
    let id: string;
    if (!existing) {
      if (dto.version !== 0) throw staleVersion(0);
      const inserted = await this.txHost.tx
        .createQueryBuilder()
        .insert()
        .into(LanguageSkillEntity)
        .values({ ...values, language, municipalityId: client.municipalityId, clientId: client.id, version: 1 })
        .orIgnore()
        .returning(['id'])
        .execute();
      const row = (inserted.raw as { id: string }[])[0];
      if (!row) throw staleVersion(1);
      id = row.id;
    } else {
      id = existing.id;
      await versionedUpdate(this.txHost.tx, LanguageSkillEntity, id, dto.version, values, notFound, { client_id: client.id });
    }
    await this.audit.record({ action: existing ? 'update' : 'create', outcome: 'success', entityType: 'language_skill', entityId: id, clientId: client.id });
    const row = await this.repository.findOneBy({ id });
    if (!row) throw notFound();
    return toResponse(row);
  }
}
