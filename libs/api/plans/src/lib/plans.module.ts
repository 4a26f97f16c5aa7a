import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@wegweiser/api/audit';
import { ClientsModule } from '@wegweiser/api/clients';
import { PartnersModule } from '@wegweiser/api/partners';
import { ConsentsController } from './consents/consents.controller';
import { ConsentsService } from './consents/consents.service';
import { ConsentEntity } from './entities/consent.entity';
import { GoalEntity, GoalStepEntity } from './entities/goal.entity';
import { PlanAgreementEntity } from './entities/plan-agreement.entity';
import { ReferralEntity } from './entities/referral.entity';
import { GoalStepsService } from './goals/goal-steps.service';
import { GoalsController } from './goals/goals.controller';
import { GoalsService } from './goals/goals.service';
import { PlanController } from './plan/plan.controller';
import { PlanReader } from './plan/plan-reader';
import { PlanService } from './plan/plan.service';
import { ReferralsController } from './referrals/referrals.controller';
import { ReferralsService } from './referrals/referrals.service';

/**
 * Consents and the integration plan of a client (`/api/clients/:clientId/consents`,
 * `/api/clients/:clientId/plan/...`): goals, agreed steps, referrals to partners' offers, agreed versions.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ConsentEntity, GoalEntity, GoalStepEntity, ReferralEntity, PlanAgreementEntity]), AuditModule, ClientsModule, PartnersModule],
  controllers: [ConsentsController, PlanController, GoalsController, ReferralsController],
  providers: [ConsentsService, PlanService, PlanReader, GoalsService, GoalStepsService, ReferralsService],
  exports: [ConsentsService, GoalsService, PlanReader, PlanService],
})
export class PlansModule {}
