import { ClosureReason, ExtensionState, SupportState } from '../domain/case-vocabulary';
import { ClientSummaryResponse } from './client';

/** One change of the support state (Betreuungszeitraum history); `fromState` null = the start. */
export interface SupportEventResponse {
  id: string;
  fromState: SupportState | null;
  toState: SupportState;
  /** With `toState` closed. */
  reason: ClosureReason | null;
  /** The reason given for a pause, resumption or reopening (free text), if any. */
  note: string | null;
  /** The day it took effect (YYYY-MM-DD). */
  on: string;
  byUserId: string | null;
  recordedAt: string;
}

/** A request to extend the window beyond 36 months (at most 48), decided by the team lead. */
export interface SupportExtensionResponse {
  id: string;
  clientId: string;
  requestedUntil: string;
  justification: string;
  state: ExtensionState;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedOn: string | null;
  comment: string | null;
  version: number;
}

/** `GET /api/clients/:id/support`. */
export interface SupportResponse {
  clientId: string;
  state: SupportState;
  start: string;
  /** The current end of the window (moves only with an approved extension). */
  windowEnd: string;
  /** Start + 36 months. */
  regularWindowEnd: string;
  /** Start + 48 months: no extension beyond. */
  maximumWindowEnd: string;
  pausedOn: string | null;
  closedOn: string | null;
  closureReason: ClosureReason | null;
  /** Oldest first. */
  history: SupportEventResponse[];
  /** Newest first. */
  extensions: SupportExtensionResponse[];
  /** The client's version after the last change (state changes bump it). */
  version: number;
}

/** `POST /api/clients/:id/support/pause|resume|reopen`: `on` defaults to today. */
export interface SupportTransitionRequest {
  on?: string;
  /** Why (optional, at most `SUPPORT_LIMITS.noteMaxLength` characters), e.g. "Krankenhausaufenthalt bis Ende März". */
  note?: string;
}

export const SUPPORT_LIMITS = {
  noteMaxLength: 500,
} as const;

/** `POST /api/clients/:id/support/close`. */
export interface CloseSupportRequest {
  reason: ClosureReason;
  on: string;
}

/** `POST /api/clients/:id/support/extensions`: stays pending (the window does not move) until a team lead approves. */
export interface RequestExtensionRequest {
  requestedUntil: string;
  /** Written justification, 20–2000 characters. */
  justification: string;
}

/** `GET /api/support-extensions?state=pending`: a request of the team lead's team waiting for a decision. */
export interface SupportExtensionListItemResponse {
  client: ClientSummaryResponse;
  extension: SupportExtensionResponse;
  requestedByName: string;
}

/** `POST /api/support-extensions/:id/approve|reject` (team lead of the client's team). */
export interface DecideExtensionRequest {
  /** The extension's version read last. */
  version: number;
  comment?: string;
}

/** `POST /api/support-extensions/:id/reject`: back to the manager with a comment (required, the manager is reminded). */
export interface RejectExtensionRequest {
  version: number;
  comment: string;
}

export const EXTENSION_LIMITS = {
  justificationMinLength: 20,
  justificationMaxLength: 2000,
  commentMaxLength: 2000,
} as const;

export const SUPPORT_ERROR_CODES = {
  /** 409: the transition does not start from the current state (e.g. resuming an active case). */
  invalidSupportTransition: 'invalidSupportTransition',
  /** 409: a pending extension exists already. */
  extensionPending: 'extensionPending',
  /** 409: the extension was decided already. */
  extensionDecided: 'extensionDecided',
} as const;

/** Field codes (`ApiErrorResponse.errors`) of the support rules. */
export const SUPPORT_FIELD_CODES = {
  /** Beyond start + 48 months. */
  beyondMaximumWindow: 'beyondMaximumWindow',
  /** Not after the current window end: nothing to extend. */
  notAfterWindowEnd: 'notAfterWindowEnd',
  /** Before the support start or the last change of state. */
  beforeLastChange: 'beforeLastChange',
  notInFuture: 'notInFuture',
} as const;
