import { Role } from '../domain/roles';
import { TeamResponse } from './users';

/**
 * A manager's caseload limit (as OpenSPP has it): a recommended size (above it
 * the screens warn) and a hard maximum (at it, no new client is assigned).
 * Null means no limit.
 */
export interface CaseloadLimits {
  caseloadRecommended: number | null;
  caseloadMaximum: number | null;
}

export const CASELOAD_LIMITS = {
  /** Smallest and largest value of either limit. */
  min: 1,
  max: 1000,
} as const;

/** An active member of a team on the team page, with the open caseload (active and paused clients responsible for). */
export interface TeamMemberResponse extends CaseloadLimits {
  id: string;
  firstName: string;
  lastName: string;
  role: Role;
  openClients: number;
}

/** `GET /api/teams/:id`: the team with its active members (leads first, then by name). */
export interface TeamDetailResponse extends TeamResponse {
  members: TeamMemberResponse[];
}

/** `PUT /api/teams/:id/members/:userId/caseload-limit`: both limits at once; null removes one. The recommended size may not exceed the maximum. */
export type UpdateCaseloadLimitRequest = CaseloadLimits;

export const CASELOAD_ERROR_CODES = {
  /** 409: the manager's open caseload has reached the hard maximum; the body names it (`caseload`). Nothing was written. */
  caseloadFull: 'caseloadFull',
} as const;

/** Field codes of a refused caseload limit. */
export const CASELOAD_FIELD_CODES = {
  /** The recommended size is larger than the maximum. */
  recommendedAboveMaximum: 'recommendedAboveMaximum',
} as const;

/** Whether a caseload of `openClients` can take `more` new clients under `maximum` (null: no limit). */
export function caseloadHasRoom(openClients: number, maximum: number | null, more = 1): boolean {
  return maximum === null || openClients + more <= maximum;
}

/** Where a caseload stands against its limits: above the recommended size warns, at the maximum no new client is assigned. */
export type CaseloadState = 'ok' | 'aboveRecommended' | 'full';

export function caseloadState(openClients: number, limits: CaseloadLimits): CaseloadState {
  if (limits.caseloadMaximum !== null && openClients >= limits.caseloadMaximum) return 'full';
  if (limits.caseloadRecommended !== null && openClients > limits.caseloadRecommended) return 'aboveRecommended';
  return 'ok';
}
