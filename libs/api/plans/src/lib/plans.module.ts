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
import { PlanReviewEntity } from './entities/plan-review.entity';
import { PlanReviewController, PlanReviewListController } from './review/plan-review.controller';
import { PlanReviewService } from './review/plan-review.service';

/**
 * Consents and the integration plan of a client (`/api/clients/:clientId/consents`,
 * `/api/clients/:clientId/plan/...`): goals, agreed steps, referrals to partners' offers, agreed versions
 * and their sign-off by the team lead (`/api/plan-reviews`).
 */
@Module({
  imports: [TypeOrmModule.forFeature([ConsentEntity, GoalEntity, GoalStepEntity, ReferralEntity, PlanAgreementEntity, PlanReviewEntity]), AuditModule, ClientsModule, PartnersModule],
  controllers: [ConsentsController, PlanController, PlanReviewController, PlanReviewListController, GoalsController, ReferralsController],
  providers: [ConsentsService, PlanService, PlanReviewService, PlanReader, GoalsService, GoalStepsService, ReferralsService],
  exports: [ConsentsService, GoalsService, PlanReader, PlanService],
})
export class PlansModule {}
