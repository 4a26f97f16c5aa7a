import { Role } from '../domain/roles';

/** Roles that belong to a team (and only they): `teamId` is required for them and must be null for the others. */
export const TEAM_ROLES: readonly Role[] = ['manager', 'team_lead'];

/** An account as the administration sees it. Never carries hashes, TOTP secrets or recovery codes. */
export interface UserResponse {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  teamId: string | null;
  active: boolean;
  totpEnabled: boolean;
  /** Locked after too many wrong passwords (until the lock expires or a password reset). */
  locked: boolean;
  /** For optimistic locking: send it back with `UpdateUserRequest`. */
  version: number;
}

/** `POST /api/users`: the account gets a one-time password that must be changed at the first sign-in. */
export interface CreateUserRequest {
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  /** Required for manager and team_lead, absent for every other role. */
  teamId?: string;
}

/** `PATCH /api/users/:id`: only what is sent changes; `teamId: null` removes the team. */
export interface UpdateUserRequest {
  role?: Role;
  teamId?: string | null;
  active?: boolean;
  firstName?: string;
  lastName?: string;
  /** The version read last; if given and stale, the answer is 409 `staleVersion`. */
  version?: number;
}

/** Shown once to the administrator, who hands it over; never stored in plain text, never retrievable again. */
export interface ResetPasswordResponse {
  oneTimePassword: string;
}

export interface CreateUserResponse {
  user: UserResponse;
  /** Shown once (see `ResetPasswordResponse`). */
  oneTimePassword: string;
}

export interface TeamResponse {
  id: string;
  name: string;
  /** The team's active team leads (Sachgebietsleitung; a team may have several), by name; empty if it has none. */
  leadIds: string[];
  /** Active accounts in the team, the lead included. */
  memberCount: number;
}

export interface CreateTeamRequest {
  name: string;
}

export interface UpdateTeamRequest {
  name: string;
}

export const USER_ERROR_CODES = {
  /** 409: the e-mail address already belongs to an account (in any municipality). */
  emailTaken: 'emailTaken',
  /** 409: the municipality already has a team of that name. */
  teamNameTaken: 'teamNameTaken',
  /** 409: administrators cannot deactivate, demote or reset the password of their own account. */
  cannotChangeOwnAccount: 'cannotChangeOwnAccount',
  /** 409: the account was changed by someone else since it was read. */
  staleVersion: 'staleVersion',
} as const;

/** Field codes in `ApiErrorResponse.errors.teamId`. */
export const TEAM_FIELD_CODES = {
  /** Managers and team leads need a team. */
  teamRequired: 'teamRequired',
  /** Other roles have no team. */
  teamNotAllowed: 'teamNotAllowed',
  /** No such team in the municipality. */
  unknownTeam: 'unknownTeam',
} as const;
