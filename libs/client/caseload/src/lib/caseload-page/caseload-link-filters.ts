import { ParamMap } from '@angular/router';
import {
  CLIENT_SORTS,
  ClientListQuery,
  ClientSort,
  FIELDS_OF_ACTION,
  FieldOfAction,
  GOAL_STATES,
  SUPPORT_STATES,
  SupportState,
  WINDOW_ENDING_SOON_MONTHS,
} from '@wegweiser/shared/contracts';

/** The filters the caseload's form shows (state, field, window end, last contact, manager) as they arrive in a link. */
export interface FormFilters {
  state: SupportState | '';
  fieldOfAction: FieldOfAction | '';
  windowEndsBefore: string;
  lastContactBefore: string;
  managerId: string;
  /** "endet in den nächsten 3 Monaten" (`windowEndsWithinMonths=3`). */
  endingSoon: boolean;
}

/**
 * Filters a link may set that the form has no field for (e.g. from the team
 * dashboard: a month of window ends, overdue goals); they apply until the
 * filters are reset.
 */
export type LinkedFilters = Pick<
  ClientListQuery,
  'windowEndsAfter' | 'openCases' | 'goalState' | 'noContactSince' | 'goalsOverdue' | 'stepsOverdue' | 'planAwaitingSignOff' | 'extensionPending'
>;

export interface CaseloadLink {
  form: Partial<FormFilters>;
  sort: ClientSort | null;
  linked: LinkedFilters;
  /** "Nur meine" as the link says (`mine=true|false`); null: the role's default. */
  mine: boolean | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FLAGS = ['openCases', 'goalsOverdue', 'stepsOverdue', 'planAwaitingSignOff', 'extensionPending'] as const;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

const day = (value: string | null) => (value !== null && DAY.test(value) ? value : undefined);

/** The initial filters from the page's query parameters; unknown or malformed values are ignored. */
export function caseloadLinkFilters(params: ParamMap): CaseloadLink {
  const form: Partial<FormFilters> = {};
  const state = oneOf(SUPPORT_STATES, params.get('state'));
  const field = oneOf(FIELDS_OF_ACTION, params.get('fieldOfAction'));
  const windowEndsBefore = day(params.get('windowEndsBefore'));
  const lastContactBefore = day(params.get('lastContactBefore'));
  const managerId = params.get('managerId');
  if (state) form.state = state;
  if (field) form.fieldOfAction = field;
  if (windowEndsBefore) form.windowEndsBefore = windowEndsBefore;
  if (lastContactBefore) form.lastContactBefore = lastContactBefore;
  if (managerId && UUID.test(managerId)) form.managerId = managerId;
  if (params.get('windowEndsWithinMonths') === String(WINDOW_ENDING_SOON_MONTHS)) form.endingSoon = true;

  const linked: LinkedFilters = {};
  const windowEndsAfter = day(params.get('windowEndsAfter'));
  const noContactSince = day(params.get('noContactSince'));
  const goalState = oneOf(GOAL_STATES, params.get('goalState'));
  if (windowEndsAfter) linked.windowEndsAfter = windowEndsAfter;
  if (noContactSince) linked.noContactSince = noContactSince;
  if (goalState) linked.goalState = goalState;
  for (const flag of FLAGS) if (params.get(flag) === 'true') linked[flag] = true;
  const mine = params.get('mine');
  return { form, sort: oneOf(CLIENT_SORTS, params.get('sort')) ?? null, linked, mine: mine === 'true' ? true : mine === 'false' ? false : null };
}

/** Every query key the link may carry (the search text `q`, cursor and page size never). */
const LINK_KEYS = ['state', 'fieldOfAction', 'windowEndsBefore', 'lastContactBefore', 'managerId', 'windowEndsWithinMonths', 'sort', 'windowEndsAfter', 'noContactSince', 'goalState', ...FLAGS] as const;

/**
 * The query parameters of the caseload's link for the list query in force (the
 * inverse of `caseloadLinkFilters`): filters, sort and `mine` (null: the role's
 * default, left out); no search text, no personal data.
 */
export function caseloadLinkParams(query: Omit<ClientListQuery, 'mine'> & { mine: boolean | null }): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of LINK_KEYS) {
    const value = query[key];
    if (value !== undefined && value !== '' && value !== false) params[key] = String(value);
  }
  if (query.mine !== null) params['mine'] = String(query.mine);
  return params;
}
