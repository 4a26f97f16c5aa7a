import { Role } from '@wegweiser/shared/contracts';

/** The signed-in user as every request sees it (from the server-side session, re-checked per request). */
export interface RequestUser {
  id: string;
  municipalityId: string;
  teamId: string | null;
  role: Role;
}
