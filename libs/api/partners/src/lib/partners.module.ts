import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@wegweiser/api/audit';
import { PartnerEntity, PartnerOfferEntity } from './partner.entity';
import { PartnerOffersController, PartnersController } from './partners.controller';
import { PartnersService } from './partners.service';

/** The partner directory (`/api/partners`, `/api/partner-offers`); other features look partners up through PartnersService. */
@Module({
  imports: [TypeOrmModule.forFeature([PartnerEntity, PartnerOfferEntity]), AuditModule],
  controllers: [PartnersController, PartnerOffersController],
  providers: [PartnersService],
  exports: [PartnersService],
})
export class PartnersModule {}
