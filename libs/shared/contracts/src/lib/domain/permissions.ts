import { Role } from './roles';

/**
 * What a role may do, by feature. The API enforces it (guard + object-level
 * checks in queries); the client uses it to hide what the API would refuse.
 */
export const PERMISSIONS = [
  'client:read',
  'client:write',
  'client:reassign',
  'client:subject-access',
  'user:manage',
  'team:manage',
  'reference:manage',
  'partner:read',
  'partner:manage',
  'extension:approve',
  'plan:approve',
  'team:dashboard',
  'reminder:read',
  'evaluation:read',
  'evaluation:export',
  'evaluation:configure',
  'audit:read',
  'client:legal-hold',
  'client:erasure-request',
  'retention:manage',
  'funding:report',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  /** Integrationsmanager:in: reads the team's clients, writes the own caseload. */
  manager: ['client:read', 'client:write', 'partner:read', 'reminder:read'],
  /** Sachgebietsleitung: reads and writes the team's clients, reassigns within the team, answers subject-access requests (Art. 15 GDPR), sets legal holds and requests erasures (Art. 17). */
  team_lead: ['client:read', 'client:write', 'client:reassign', 'client:subject-access', 'extension:approve', 'plan:approve', 'team:dashboard', 'partner:read', 'reminder:read', 'client:legal-hold', 'client:erasure-request'],
  /** Administration: accounts, teams, reference data, exports, the evaluation's disclosure threshold k, retention (policy, dry run, confirming erasures), the funder's Verwendungsnachweis (staff-level counts); no case data. */
  admin: ['user:manage', 'team:manage', 'reference:manage', 'partner:read', 'partner:manage', 'evaluation:read', 'evaluation:export', 'evaluation:configure', 'retention:manage', 'funding:report'],
  /** Evaluation: anonymised figures only (preview and report exports). */
  evaluator: ['evaluation:read', 'evaluation:export'],
  /** Datenschutz: the audit trail; no case data. */
  dpo: ['audit:read'],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles that must complete a second factor (TOTP) before anything else. */
export const ROLES_REQUIRING_TOTP: readonly Role[] = ['admin', 'dpo'];
