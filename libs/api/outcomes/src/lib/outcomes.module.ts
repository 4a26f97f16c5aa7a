import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@wegweiser/api/audit';
import { ClientsModule } from '@wegweiser/api/clients';
import { PlansModule } from '@wegweiser/api/plans';
import { QualificationsModule } from '@wegweiser/api/qualifications';
import { OutcomeEntity, SoftRatingEntity } from './outcome.entity';
import { OutcomesController, SoftRatingsController } from './outcomes.controller';
import { OutcomesService } from './outcomes.service';
import { SoftRatingsService } from './soft-ratings.service';

/** Outcomes (the evaluation's success criteria) and soft ratings of a client's file. */
@Module({
  imports: [TypeOrmModule.forFeature([OutcomeEntity, SoftRatingEntity]), AuditModule, ClientsModule, PlansModule, QualificationsModule],
  controllers: [OutcomesController, SoftRatingsController],
  providers: [OutcomesService, SoftRatingsService],
  exports: [OutcomesService, SoftRatingsService],
})
export class OutcomesModule {}
