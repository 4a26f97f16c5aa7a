import { Role } from '@wegweiser/shared/contracts';
import { DemoUser, pick } from '../support/sessions';

/** What the permission matrix and the fuzz suite hand to `prepare` (structurally their fixtures). */
interface MatrixFixture {
  users: DemoUser[];
  actor(role: Role): DemoUser;
}

interface UserAdminRouteCase {
  method: 'POST';
  path: string;
  allowed: Role[];
  prepare?: (f: MatrixFixture, role: Role) => Promise<{ path?: string; body?: object }>;
}

/** A manager of the administrator's municipality that no role session belongs to. */
const bystander = (f: MatrixFixture) =>
  pick(f.users, 'manager', (u) => u.municipality_id === f.actor('admin').municipality_id && u.id !== f.actor('manager').id);

/** Account help of the administration (issue 17): no body, the account of a bystander. */
export const USER_ADMIN_ROUTES: UserAdminRouteCase[] = [
  { method: 'POST', path: '/api/users/:id/unlock', allowed: ['admin'], prepare: async (f) => ({ path: `/api/users/${bystander(f).id}/unlock` }) },
  {
    method: 'POST',
    path: '/api/users/:id/reset-second-factor',
    allowed: ['admin'],
    prepare: async (f) => ({ path: `/api/users/${bystander(f).id}/reset-second-factor` }),
  },
];
