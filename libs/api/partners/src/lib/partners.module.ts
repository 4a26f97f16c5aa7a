import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@wegweiser/api/audit';
import { PartnerImportController } from './import/partner-import.controller';
import { PartnerImportService } from './import/partner-import.service';
import { PartnerEntity, PartnerOfferEntity, WorkingGroupEntity } from './partner.entity';
import { PartnerOffersController, PartnersController } from './partners.controller';
import { PartnersService } from './partners.service';
import { WorkingGroupsController } from './working-groups.controller';
import { WorkingGroupsService } from './working-groups.service';

/** The partner directory (`/api/partners`, `/api/partner-offers`, `/api/working-groups`, the import); other features look partners up through PartnersService. */
@Module({
  imports: [TypeOrmModule.forFeature([PartnerEntity, PartnerOfferEntity, WorkingGroupEntity]), AuditModule],
  // The import controller comes first: its fixed paths must win over `partners/:id`.
  controllers: [PartnerImportController, PartnersController, PartnerOffersController, WorkingGroupsController],
  providers: [PartnersService, WorkingGroupsService, PartnerImportService],
  exports: [PartnersService],
})
export class PartnersModule {}
