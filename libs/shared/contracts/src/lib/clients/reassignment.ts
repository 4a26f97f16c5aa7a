import { CaseloadLimits } from '../users/team-admin';
import { ClientSummaryResponse } from './client';

/** Limits of a reassignment, shared by the API's validation and the dialog. */
export const REASSIGNMENT_LIMITS = {
  /** Clients per request (all or nothing). */
  maxClients: 500,
  reasonMaxLength: 500,
} as const;

/**
 * `POST /api/clients/reassign` (team lead): moves clients of the lead's team
 * to another active manager of the team, all or nothing. Closed cases move
 * too (whoever reopens one should be its responsible manager).
 */
export interface ReassignClientsRequest {
  /** 1 to 500 distinct client ids, all of the lead's team (else 404, nothing changes). */
  clientIds: string[];
  /** An active manager (role manager) of the lead's team. */
  toManagerId: string;
  /** Why (shown in the assignment history, not in the timeline); trimmed, 1 to 500 characters. */
  reason: string;
}

/** Answer of `POST /api/clients/reassign`: the clients as they are now, in the order asked for. */
export interface ReassignClientsResponse {
  items: ClientSummaryResponse[];
}

/** A member of staff as histories and pickers show them (names of staff, never of clients). */
export interface StaffMemberResponse {
  id: string;
  firstName: string;
  lastName: string;
}

/** One change of a client's responsible manager (`GET /api/clients/:id/assignments`, newest first). */
export interface ClientAssignmentResponse {
  id: string;
  /** Null when the client had no responsible manager before. */
  fromManager: StaffMemberResponse | null;
  toManager: StaffMemberResponse;
  reason: string;
  assignedBy: StaffMemberResponse;
  /** ISO timestamp. */
  assignedAt: string;
}

export interface ClientAssignmentsResponse {
  items: ClientAssignmentResponse[];
}

/** `GET /api/teams/mine/managers`: the active managers of the team lead's team, by name, with their caseload limits. */
export interface TeamManagerResponse extends StaffMemberResponse, CaseloadLimits {
  /** Active and paused clients they are responsible for now. */
  openClients: number;
}

export interface TeamManagersResponse {
  items: TeamManagerResponse[];
}

/** Field codes (`ApiErrorResponse.errors`) of a refused reassignment. */
export const REASSIGNMENT_FIELD_CODES = {
  /** `toManagerId` is not an active manager of the lead's team. */
  unknownManager: 'unknownManager',
  /** `toManagerId` is already responsible for (some of) the clients. */
  alreadyResponsible: 'alreadyResponsible',
} as const;
