import { ClientResponse } from '../clients/client';
import { SupportResponse } from '../clients/support';
import { ConversationResponse } from '../conversations/conversation';
import { OutcomeResponse, SoftRatingResponse } from '../outcomes/outcome';
import { ConsentResponse } from '../plans/consent';
import { PlanResponse } from '../plans/plan';
import { LanguageSkillResponse, QualificationsResponse } from '../qualifications/qualification';

/** `GET /api/clients/:id/file`: everything the client file's tabs show, in one response (one audit row). */
export interface ClientFileResponse {
  client: ClientResponse;
  support: SupportResponse;
  qualifications: QualificationsResponse;
  languages: LanguageSkillResponse[];
  consents: ConsentResponse[];
  plan: PlanResponse;
  conversations: ConversationResponse[];
  outcomes: OutcomeResponse[];
  ratings: SoftRatingResponse[];
  /** Whether the signed-in user may change this file (the API enforces it on every write either way). */
  access: ClientFileAccess;
}

export interface ClientFileAccess {
  canEdit: boolean;
  /** Why not: another manager's client (404 on writes), or a closed case (409; reopening is the team lead's). */
  refusal: 'notOwnCaseload' | 'caseClosed' | null;
}

export const TIMELINE_EVENT_KINDS = [
  /** Details: `by`, the author's name. */
  'conversation',
  /** A conversation was corrected (details: `by`, who corrected it; `version`, the version replaced). */
  'conversation_corrected',
  'goal_created',
  'goal_state_changed',
  'plan_agreed',
  'referral',
  'outcome',
  'rating',
  'consent_given',
  'consent_withdrawn',
  'support_state_changed',
  'extension_requested',
  'extension_decided',
  /** Plan sign-off (details: `version`, the agreed version); the return comment is not in the timeline. */
  'plan_submitted',
  'plan_returned',
  'plan_approved',
  /** Details: `fromManager` / `toManager` (staff names; `null` when there was none before); the reason only in the assignment history. */
  'reassigned',
  /** Changes of the file's data, from the audit trail. Details: `by` (the staff member's name); languages also `language` (null once removed). */
  'personal_data_changed',
  'qualifications_changed',
  'work_experience_added',
  'work_experience_changed',
  'work_experience_removed',
  'language_changed',
  /** An outcome recorded by mistake was undone (its goals and German level restored). Details: `by`. */
  'outcome_undone',
] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];

/**
 * One entry of `GET /api/clients/:id/timeline` (newest first). Codes only —
 * no note text: the timeline shows what happened, the tabs show the content.
 */
export interface TimelineEventResponse {
  kind: TimelineEventKind;
  /** ISO date (YYYY-MM-DD) or timestamp, in UTC. */
  at: string;
  entityId: string;
  /** Small codes describing the event, e.g. `{ form: 'office' }`, `{ state: 'achieved', fieldOfAction: 'language' }`. */
  details: Record<string, string | number | boolean | string[] | null>;
}

export interface TimelineResponse {
  items: TimelineEventResponse[];
}
