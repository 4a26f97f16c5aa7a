export * from './evaluation-policy.controller';
export * from './evaluation-policy-settings.service';
export * from './evaluation-policy.service';
