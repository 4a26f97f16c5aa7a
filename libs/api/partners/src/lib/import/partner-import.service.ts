import { BadRequestException, ConflictException, Injectable, NotFoundException, UnsupportedMediaTypeException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { TenantContext } from '@wegweiser/api/core';
import { versionedUpdate } from '@wegweiser/api/database';
import { ERROR_CODES, PARTNER_IMPORT_ERROR_CODES, PartnerImportPreviewResponse, PartnerImportResultResponse } from '@wegweiser/shared/contracts';
import { Repository } from 'typeorm';
import { PartnerEntity } from '../partner.entity';
import { WorkingGroupsService } from '../working-groups.service';
import { validateSheet } from './import-rows';
import { ExistingPartner, PlannedRow, planImport, toPreview } from './import-plan';
import { importFileType, readImportFile } from './read-import-file';

/** The uploaded file as multer (memory storage) hands it over. */
export interface UploadedImportFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

const EXISTING_SQL = `
  SELECT p.id, p.version, p.name, p.kind, p.contact_person AS "contactPerson", p.email, p.phone, p.address, p.website, p.description, p.languages,
         coalesce(array_agg(m.working_group_id::text ORDER BY m.working_group_id) FILTER (WHERE m.working_group_id IS NOT NULL), '{}') AS "workingGroupIds"
    FROM partner p LEFT JOIN partner_working_group m ON m.partner_id = p.id
   WHERE p.municipality_id = $1
   GROUP BY p.id`;

/**
 * Import of a partner list: the preview compares the file with the
 * directory and writes nothing; the confirmation recomputes the same plan
 * (same file) and writes it only if its token is the preview's — otherwise
 * 409 `importStale`. Runs in the request's transaction: all or nothing.
 */
@Injectable()
export class PartnerImportService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
    private readonly workingGroups: WorkingGroupsService,
  ) {}

  async preview(file: UploadedImportFile | undefined): Promise<PartnerImportPreviewResponse> {
    return (await this.plan(file)).preview;
  }

  async confirm(file: UploadedImportFile | undefined, token: string): Promise<PartnerImportResultResponse> {
    const municipalityId = this.tenant.requireUser().municipalityId;
    // One import at a time per municipality: a second confirmation waits, then finds its plan stale.
    await this.txHost.tx.query(`SELECT pg_advisory_xact_lock(hashtext('partner-import:' || $1))`, [municipalityId]);
    const { plan, preview } = await this.plan(file);
    if (preview.token !== token) {
      throw new ConflictException({ code: PARTNER_IMPORT_ERROR_CODES.importStale, message: 'The directory or the file changed since the preview.' });
    }
    const repository = this.txHost.tx.getRepository(PartnerEntity);
    for (const row of plan) {
      if (row.action === 'create') await this.create(row, municipalityId, repository);
      if (row.action === 'update') await this.update(row, municipalityId);
    }
    return { created: preview.counts.create, updated: preview.counts.update, unchanged: preview.counts.unchanged, skipped: preview.counts.invalid };
  }

  private async plan(file: UploadedImportFile | undefined): Promise<{ plan: PlannedRow[]; preview: PartnerImportPreviewResponse }> {
    if (!file) throw new BadRequestException({ code: PARTNER_IMPORT_ERROR_CODES.importFileMissing, message: 'Send the file in the field "file".' });
    const type = importFileType(file.originalname);
    if (!type) throw new UnsupportedMediaTypeException({ code: PARTNER_IMPORT_ERROR_CODES.importFileType, message: 'Only .csv and .xlsx files.' });
    const sheet = await readImportFile(file.buffer, type);
    const groups = new Map((await this.workingGroups.list()).map((g) => [g.name.toLowerCase(), g.id]));
    const { rows, errors, ignoredColumns } = validateSheet(sheet, groups);
    const existing: ExistingPartner[] = await this.txHost.tx.query(EXISTING_SQL, [this.tenant.requireUser().municipalityId]);
    const plan = planImport(rows, existing);
    return { plan, preview: toPreview(plan, errors, ignoredColumns) };
  }

  private async create(row: PlannedRow, municipalityId: string, repository: Repository<PartnerEntity>): Promise<void> {
    const { workingGroupIds, ...values } = row.values;
    const inserted = await repository.insert({ kind: 'organisation', ...values, municipalityId });
    const id = String(inserted.identifiers[0]?.['id']);
    if (workingGroupIds?.length) await this.workingGroups.setMemberships(id, workingGroupIds);
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'partner', entityId: id });
  }

  private async update(row: PlannedRow, municipalityId: string): Promise<void> {
    const partner = row.partner as ExistingPartner;
    const { workingGroupIds, ...values } = row.values;
    const notFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such partner.' });
    await versionedUpdate(this.txHost.tx, PartnerEntity, partner.id, partner.version, values, notFound, { municipality_id: municipalityId });
    if (workingGroupIds) await this.workingGroups.setMemberships(partner.id, workingGroupIds);
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'partner', entityId: partner.id });
  }
}
