export * from './lib/plans.module';
export * from './lib/consents/consents.service';
export * from './lib/goals/goals.service';
export * from './lib/plan/plan-reader';
export * from './lib/plan/plan.service';
