import { BadRequestException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { ClientAccess } from '@wegweiser/api/clients';
import { calendarToday } from '@wegweiser/api/core';
import { hydrateJsonRows, jsonRowsSql, StatementPart, versionedUpdate } from '@wegweiser/api/database';
import { CEFR_LEVELS, CefrLevel, ERROR_CODES, GERMAN_LANGUAGE_CODE, LanguageSkillResponse, QUALIFICATION_FIELD_CODES } from '@wegweiser/shared/contracts';
import { PutLanguageSkillDto } from './dto/qualification.dto';
import { LanguageSkillEntity } from './qualification.entities';
import { staleVersion } from './qualifications.service';

const notFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such language.' });

/** Native languages first, then German, then the rest by code. */
function inListOrder(rows: LanguageSkillEntity[]): LanguageSkillResponse[] {
  const rank = (l: LanguageSkillEntity) => (l.native ? 0 : l.language === GERMAN_LANGUAGE_CODE ? 1 : 2);
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.language.localeCompare(b.language)).map(toResponse);
}

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
    await this.audit.record({ action: 'read', outcome: 'success', entityType: 'language_skill_list', entityId: client.id, clientId: client.id });
    return inListOrder(rows);
  }

  /** The client file's part (`$1` = the client, access checked and the read audited by the file): as `list`. */
  filePart(): StatementPart<LanguageSkillResponse[]> {
    const tx = this.txHost.tx;
    return { sql: jsonRowsSql(tx, LanguageSkillEntity, 't.client_id = $1', 't.id'), read: (json) => inListOrder(hydrateJsonRows(tx, LanguageSkillEntity, json)) };
  }

  /** Adds the language (version 0) or replaces its entry (the version read last). A certificate is never dated after today (422 `inFuture`). */
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
    if (values.certifiedOn && values.certifiedOn > calendarToday()) {
      throw new UnprocessableEntityException({ code: ERROR_CODES.validationFailed, message: 'Invalid fields: certifiedOn', errors: { certifiedOn: QUALIFICATION_FIELD_CODES.inFuture } });
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

  /**
   * Raises the client's German to at least `level` (a certificate was recorded), in the caller's transaction.
   * Returns the entry's id with the values before (null: German was not recorded), or null when it already was at
   * that level or higher.
   */
  async raiseGerman(clientId: string, level: CefrLevel, certificate: string | null, on: string): Promise<GermanLevelChange | null> {
    const client = await this.access.writable(clientId);
    const existing = await this.repository.findOne({ where: { clientId: client.id, language: GERMAN_LANGUAGE_CODE } });
    if (existing && CEFR_LEVELS.indexOf(existing.level) >= CEFR_LEVELS.indexOf(level)) return null;
    const values = { level, certificate, certifiedOn: on };
    if (!existing) {
      const { identifiers } = await this.repository.insert({ ...values, exam: null, native: false, language: GERMAN_LANGUAGE_CODE, municipalityId: client.municipalityId, clientId: client.id, version: 1 });
      const id = String(identifiers[0]?.['id']);
      await this.audit.record({ action: 'create', outcome: 'success', entityType: 'language_skill', entityId: id, clientId: client.id });
      return { skillId: id, previous: null };
    }
    await versionedUpdate(this.txHost.tx, LanguageSkillEntity, existing.id, existing.version, values, notFound, { client_id: client.id });
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'language_skill', entityId: existing.id, clientId: client.id });
    return { skillId: existing.id, previous: { level: existing.level, certificate: existing.certificate, exam: existing.exam, certifiedOn: existing.certifiedOn } };
  }

  /**
   * Undoes `raiseGerman`: puts back the values before, or removes the entry it added. Refused (false) when the entry
   * was changed since (its level is no longer `raisedTo`): then nothing is changed.
   */
  async restoreGerman(clientId: string, change: GermanLevelChange, raisedTo: CefrLevel): Promise<boolean> {
    const client = await this.access.writable(clientId);
    const current = await this.repository.findOne({ where: { id: change.skillId, clientId: client.id } });
    if (!current || current.level !== raisedTo) return false;
    if (!change.previous) {
      await this.repository.delete({ id: current.id, clientId: client.id });
      await this.audit.record({ action: 'delete', outcome: 'success', entityType: 'language_skill', entityId: current.id, clientId: client.id });
      return true;
    }
    await versionedUpdate(this.txHost.tx, LanguageSkillEntity, current.id, current.version, change.previous, notFound, { client_id: client.id });
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'language_skill', entityId: current.id, clientId: client.id });
    return true;
  }
}

/** A German entry raised by a certificate: its id and the values before (null: it was added). */
export interface GermanLevelChange {
  skillId: string;
  previous: { level: CefrLevel; certificate: string | null; exam: string | null; certifiedOn: string | null } | null;
}
