/** User roles (see docs/architecture.md and DOMAIN.md "Who uses it"). */
export const ROLES = ['manager', 'team_lead', 'admin', 'evaluator', 'dpo'] as const;
export type Role = (typeof ROLES)[number];
