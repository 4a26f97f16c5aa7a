import { ConversationForm, FieldOfAction, InterpreterKind } from '../domain/case-vocabulary';

/** `/api/clients/:clientId/conversations` (GET newest first, POST), `.../:id` (PATCH: a correction) and `.../:id/revisions` (GET). */
export const CONVERSATIONS_ROUTE = 'clients/:clientId/conversations';

/** Minutes; defaults and the "last used duration" are the client's concern. */
export const CONVERSATION_DURATION = { min: 1, max: 600 } as const;
export const CONVERSATION_NOTE_MAX_LENGTH = 20_000;
export const CONVERSATION_AGREEMENTS_MAX_LENGTH = 5_000;

/**
 * A counselling conversation (Beratungsgespräch). `note` and `agreements`
 * are stored encrypted and only ever leave the API decrypted to the team.
 * Times are ISO 8601 in UTC.
 */
export interface ConversationResponse {
  id: string;
  clientId: string;
  /** Who held (recorded) it. */
  staffId: string;
  /** The author's name (first and last). */
  staffName: string;
  heldAt: string;
  durationMinutes: number;
  form: ConversationForm;
  interpreter: InterpreterKind;
  /** ISO 639-1 (or -2) code of the language spoken, e.g. `de`, `ar`. */
  language: string;
  topics: FieldOfAction[];
  note: string;
  agreements: string | null;
  nextAppointmentAt: string | null;
  version: number;
  createdAt: string;
  /** Corrected after it was recorded; the earlier versions are kept (`GET .../:id/revisions`). */
  edited: boolean;
  /** When and by whom it was corrected last (null unless `edited`). */
  editedAt: string | null;
  editedById: string | null;
  editedBy: string | null;
  /** Whether the signed-in user may correct it (its author, or the team lead; own caseload, open case). */
  canCorrect: boolean;
  /** Whether the signed-in user may read its earlier versions (the team lead, or its author). */
  canReadRevisions: boolean;
}

/**
 * An earlier version of a conversation (`GET .../conversations/:id/revisions`,
 * oldest first): what it said before a correction replaced it.
 */
export interface ConversationRevisionResponse {
  id: string;
  conversationId: string;
  /** The conversation's version this was. */
  version: number;
  heldAt: string;
  durationMinutes: number;
  form: ConversationForm;
  interpreter: InterpreterKind;
  language: string;
  topics: FieldOfAction[];
  note: string;
  agreements: string | null;
  nextAppointmentAt: string | null;
  /** When the correction replaced this version, and who made it. */
  replacedAt: string;
  replacedById: string;
  replacedBy: string;
}

/** `POST`: times with an offset (`2026-03-02T09:30:00+01:00` or `...Z`). */
export interface CreateConversationRequest {
  heldAt: string;
  durationMinutes: number;
  form: ConversationForm;
  interpreter: InterpreterKind;
  language: string;
  topics: FieldOfAction[];
  note: string;
  agreements?: string | null;
  /** After `heldAt`. */
  nextAppointmentAt?: string | null;
}

/** `PATCH`: only what is sent changes; `version` is the one read last (409 `staleVersion`). */
export interface UpdateConversationRequest extends Partial<CreateConversationRequest> {
  version: number;
}

/** Field codes (values of `ApiErrorResponse.errors`) beyond the constraint names. */
export const CONVERSATION_FIELD_CODES = {
  /** The next appointment must lie after the conversation. */
  afterHeldAt: 'afterHeldAt',
} as const;

/** Error codes of corrections and earlier versions (403). */
export const CONVERSATION_ERROR_CODES = {
  /** Only its author (or the team lead) corrects a conversation. */
  notAuthor: 'notConversationAuthor',
  /** Earlier versions are for the team lead and the author. */
  revisionsForbidden: 'conversationRevisionsForbidden',
} as const;
