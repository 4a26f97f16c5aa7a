import { FieldOfAction, Gender, GoalState, HousingKind, ResidenceStatusCode, SupportState } from '../domain/case-vocabulary';
import { StaffMemberResponse } from './reassignment';

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
  supportState: SupportState;
  /** Last day of the support period (start + 36 months, up to 48 with an approved extension). */
  supportWindowEnd: string;
  version: number;
}

/** `GET /api/clients/:id`: the whole personal part of the file (DOMAIN.md "Client"). */
export interface ClientResponse extends ClientSummaryResponse {
  /** The responsible manager's name (first and last), null when nobody is responsible. */
  responsibleManagerName: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  nationalities: string[];
  /** ISO 639-1/-2 codes, lower case. */
  languagesSpoken: string[];
  residenceStatus: ResidenceStatusCode | null;
  residenceValidUntil: string | null;
  arrivalDate: string | null;
  housing: HousingKind | null;
  /** Including the client. */
  householdMembers: number | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  pausedOn: string | null;
  closedOn: string | null;
}

/** A row of the caseload list: the summary plus what the list shows and sorts by. */
export interface ClientListItemResponse extends ClientSummaryResponse {
  /** Day (YYYY-MM-DD, German calendar) of the latest conversation; null: never contacted. */
  lastContactOn: string | null;
  /** Distinct fields of action with an open or in-progress goal, in `FIELDS_OF_ACTION` order. */
  openGoals: FieldOfAction[];
  /** The user may change this file (own caseload or team lead, case not closed): write actions are shown only then. */
  canEdit: boolean;
  /** The responsible manager by name (the "Verantwortlich" column); null: nobody yet. */
  responsibleManager: StaffMemberResponse | null;
}

/** The team lead's list "endet in den nächsten 3 Monaten" (`windowEndsWithinMonths`); the API takes 1–12. */
export const WINDOW_ENDING_SOON_MONTHS = 3;
export const WINDOW_ENDS_WITHIN_MAX_MONTHS = 12;

/** Orders of the client list; every one ends with name, then id (a stable keyset). */
export const CLIENT_SORTS = ['name', 'windowEnd', 'lastContact'] as const;
/** `name`: phone-book order; `windowEnd`: support window ending soonest first; `lastContact`: longest without contact first (never contacted first). */
export type ClientSort = (typeof CLIENT_SORTS)[number];

/** One page of `GET /api/clients` (keyset pagination: pass `nextCursor` as `cursor`). */
export interface ClientPageResponse {
  items: ClientListItemResponse[];
  /** Clients matching the search and filters (all pages). */
  total: number;
  /** Opaque; null on the last page. */
  nextCursor: string | null;
}

/** `GET /api/clients`: search, filters, sort and keyset pagination (each sort ends with name, then id). */
export interface ClientListQuery {
  /** Part of a name in either script (accent- and case-insensitive, ä = ae) or of the case number. */
  q?: string;
  state?: SupportState;
  managerId?: string;
  /** Only the signed-in user's own caseload ("Nur meine"). */
  mine?: boolean;
  /** Support window ends before this date (YYYY-MM-DD). */
  windowEndsBefore?: string;
  /** No conversation on or after this date (never contacted included). */
  lastContactBefore?: string;
  /** Has an open or in-progress goal in this field of action (with `goalState`: a goal in that state). */
  fieldOfAction?: FieldOfAction;
  /** Support window ends on or after this date (YYYY-MM-DD); with `windowEndsBefore` a month. */
  windowEndsAfter?: string;
  /** Only open cases (support active or paused). */
  openCases?: boolean;
  /** Has a goal in this state (in `fieldOfAction` if given). */
  goalState?: GoalState;
  /** No contact on or after this date, counted from the support start when never contacted (newly started clients are not listed). */
  noContactSince?: string;
  /** Has an open or in-progress goal due before today. */
  goalsOverdue?: boolean;
  /** Has a step not done, due before today, of an open or in-progress goal. */
  stepsOverdue?: boolean;
  /** The latest plan review is submitted (waits for the team lead's sign-off). */
  planAwaitingSignOff?: boolean;
  /** Has a pending request to extend the support window. */
  extensionPending?: boolean;
  /**
   * An open case (active or paused) whose support window ends between today
   * and today + N months (1–12, counted in Germany): "endet in den nächsten 3 Monaten".
   */
  windowEndsWithinMonths?: number;
  /** Default `name`. A cursor belongs to the sort it was handed out for. */
  sort?: ClientSort;
  pageSize?: number;
  cursor?: string;
}

/** The personal fields that `POST` takes and `PATCH` changes. Dates are `YYYY-MM-DD`. */
export interface ClientPersonalFields {
  firstName: string;
  lastName: string;
  firstNameOriginal?: string | null;
  lastNameOriginal?: string | null;
  dateOfBirth: string;
  gender: Gender;
  countryOfOrigin: string;
  nationalities?: string[];
  languagesSpoken?: string[];
  residenceStatus?: ResidenceStatusCode | null;
  residenceValidUntil?: string | null;
  arrivalDate?: string | null;
  housing?: HousingKind | null;
  householdMembers?: number | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
}

/**
 * `POST /api/clients`: the case number is allocated by the server. A manager
 * creates into the own caseload; a team lead may name a manager of the team
 * (or none yet).
 */
export interface CreateClientRequest extends ClientPersonalFields {
  /** Defaults to today; the window ends 36 months later. */
  supportStart?: string;
  /** Why the support started before today (the intake form requires it then; trimmed, up to `CLIENT_LIMITS.supportStartReasonMaxLength`); not kept for a start of today. */
  supportStartReason?: string | null;
  responsibleManagerId?: string | null;
}

/** `PATCH /api/clients/:id`: only what is sent changes; `version` is the version read last. */
export interface UpdateClientRequest extends Partial<ClientPersonalFields> {
  version: number;
}

export const CLIENT_ERROR_CODES = {
  staleVersion: 'staleVersion',
  notOwnCaseload: 'notOwnCaseload',
} as const;

/** Field codes (`ApiErrorResponse.errors`) of rules that span several fields or need the database. */
export const CLIENT_FIELD_CODES = {
  /** The date lies in the future. */
  notInFuture: 'notInFuture',
  /** Date order: date of birth < arrival ≤ support start ≤ today; residence valid until after birth. */
  dateOrder: 'dateOrder',
  /** No active manager of that id in the team. */
  unknownManager: 'unknownManager',
  /** `cursor` is not one this API handed out (for this sort). */
  invalidCursor: 'invalidCursor',
} as const;

/** Limits shared by the API's validation and the client's forms. */
export const CLIENT_LIMITS = {
  nameMaxLength: 200,
  addressMaxLength: 500,
  supportStartReasonMaxLength: 500,
  phoneMaxLength: 40,
  emailMaxLength: 254,
  maxNationalities: 5,
  maxLanguages: 12,
  householdMembersMax: 30,
  searchMaxLength: 100,
  pageSizeMax: 200,
  pageSizeDefault: 50,
} as const;
