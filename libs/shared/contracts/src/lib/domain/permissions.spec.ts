import { hasPermission, PERMISSIONS, ROLE_PERMISSIONS } from './permissions';
import { ROLES } from './roles';

describe('permission map', () => {
  it('covers every role with known permissions only', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
    for (const permissions of Object.values(ROLE_PERMISSIONS)) {
      for (const permission of permissions) expect(PERMISSIONS).toContain(permission);
    }
  });

  it('keeps case data away from admin, evaluator and dpo', () => {
    for (const role of ['admin', 'evaluator', 'dpo'] as const) {
      expect(ROLE_PERMISSIONS[role].filter((p) => p.startsWith('client:'))).toEqual([]);
    }
  });

  it('lets only the dpo read the audit trail and only admins manage users', () => {
    expect(ROLES.filter((r) => hasPermission(r, 'audit:read'))).toEqual(['dpo']);
    expect(ROLES.filter((r) => hasPermission(r, 'user:manage'))).toEqual(['admin']);
    expect(ROLES.filter((r) => hasPermission(r, 'client:reassign'))).toEqual(['team_lead']);
    expect(ROLES.filter((r) => hasPermission(r, 'client:subject-access'))).toEqual(['team_lead']);
    expect(ROLES.filter((r) => hasPermission(r, 'plan:approve'))).toEqual(['team_lead']);
    expect(ROLES.filter((r) => hasPermission(r, 'team:dashboard'))).toEqual(['team_lead']);
    expect(ROLES.filter((r) => hasPermission(r, 'reminder:read'))).toEqual(['manager', 'team_lead']);
    // Counts per manager are staff data: the funder's Verwendungsnachweis is for the administration only.
    expect(ROLES.filter((r) => hasPermission(r, 'funding:report'))).toEqual(['admin']);
  });
});
