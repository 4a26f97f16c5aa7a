import { Gender } from '../domain/case-vocabulary';

/** A client as lists and the file header show them. Names in both scripts (render with dir="auto"). */
export interface ClientSummaryResponse {
  id: string;
  caseNumber: string;
  firstName: string;
  lastName: string;
  firstNameOriginal: string | null;
  lastNameOriginal: string | null;
  dateOfBirth: string;
  gender: Gender;
  countryOfOrigin: string;
  teamId: string;
  responsibleManagerId: string | null;
  supportStart: string;
  version: number;
}

export interface ClientPageResponse {
  items: ClientSummaryResponse[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ClientListQuery {
  q?: string;
  page?: number;
  pageSize?: number;
}

/** `PATCH /api/clients/:id`: the version read last (optimistic locking). */
export interface UpdateClientRequest {
  version: number;
  firstName?: string;
  lastName?: string;
  firstNameOriginal?: string | null;
  lastNameOriginal?: string | null;
}

export const CLIENT_ERROR_CODES = {
  staleVersion: 'staleVersion',
  notOwnCaseload: 'notOwnCaseload',
} as const;
