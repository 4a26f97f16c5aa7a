import { MeResponse, ROLE_PERMISSIONS, Role, SessionResponse, SessionStage } from '@wegweiser/shared/contracts';

/** A session answer as the API sends it, for the given role and stage. */
export function sessionFor(role: Role = 'manager', stage: SessionStage = 'active', csrfToken = 'csrf-1'): SessionResponse {
  const me: MeResponse = {
    id: 'user-1',
    email: 'julia.neumann@bh.wegweiser.example',
    firstName: 'Julia',
    lastName: 'Neumann',
    role,
    permissions: [...ROLE_PERMISSIONS[role]],
    municipality: { id: 'm-1', name: 'Beispielheim' },
    team: { id: 't-1', name: 'Team Nord' },
    totpEnabled: stage !== 'totp_enrol',
    stage,
    locale: 'de',
  };
  return { me, csrfToken, idleTimeoutSeconds: 1800 };
}

export const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };
export const unauthorizedBody = { statusCode: 401, code: 'unauthorized', message: 'Unauthorized' };
