import { CaseloadFullDetails, caseloadHasRoom, caseloadState, CaseloadState, StaffMemberResponse, TeamManagerResponse } from '@wegweiser/shared/contracts';

/** A person the intake can name as responsible; the caseload figures only where the API gave them (the team's managers). */
export type ResponsibleOption = StaffMemberResponse & Partial<Pick<TeamManagerResponse, 'openClients' | 'caseloadRecommended' | 'caseloadMaximum'>>;

/** What the form says about the chosen person's caseload. */
export interface CaseloadNotice {
  name: string;
  state: Exclude<CaseloadState, 'ok'>;
  /** The limit the text names (the maximum when full, else the recommended size). */
  limit: number;
}

const fullName = (person: StaffMemberResponse) => `${person.firstName} ${person.lastName}`;

/**
 * The notice for the chosen person: full when the API refused them
 * (409 caseloadFull) or their figures say so, above the recommendation when
 * their figures say that; nothing otherwise.
 */
export function caseloadNotice(chosen: ResponsibleOption | undefined, refusal: CaseloadFullDetails | null): CaseloadNotice | null {
  if (!chosen) return null;
  if (refusal && refusal.managerId === chosen.id) return { name: fullName(chosen), state: 'full', limit: refusal.maximum };
  if (chosen.openClients === undefined) return null;
  const limits = { caseloadRecommended: chosen.caseloadRecommended ?? null, caseloadMaximum: chosen.caseloadMaximum ?? null };
  const state = caseloadState(chosen.openClients, limits);
  if (state === 'full') return { name: fullName(chosen), state, limit: limits.caseloadMaximum ?? 0 };
  if (state === 'aboveRecommended') return { name: fullName(chosen), state, limit: limits.caseloadRecommended ?? 0 };
  return null;
}

/** Colleagues who can take one more client (below their maximum, or without one), fewest open cases first. */
export function colleaguesWithRoom(options: ResponsibleOption[], chosenId: string | null, refusal: CaseloadFullDetails | null): ResponsibleOption[] {
  return options
    .filter((o) => o.id !== chosenId && o.openClients !== undefined && caseloadHasRoom(o.openClients, o.caseloadMaximum ?? null))
    .filter((o) => !(refusal && refusal.managerId === o.id))
    .sort((a, b) => (a.openClients ?? 0) - (b.openClients ?? 0));
}
