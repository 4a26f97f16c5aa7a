/**
 * `POST /api/clients/duplicate-check` (search before create): names and date
 * of birth go in the body, never in the URL. Names are folded the way the
 * client search folds them (ä = ae, Arabic letter variants, case, accents),
 * first and last name in either order; the date of birth must be equal.
 */
export interface DuplicateCheckRequest {
  firstName: string;
  lastName: string;
  firstNameOriginal?: string | null;
  lastNameOriginal?: string | null;
  /** `YYYY-MM-DD`. */
  dateOfBirth: string;
}

/** A possible match the caller may open (own team): enough to recognise and open the file. */
export interface DuplicateMatchResponse {
  id: string;
  caseNumber: string;
  firstName: string;
  lastName: string;
  firstNameOriginal: string | null;
  lastNameOriginal: string | null;
  dateOfBirth: string;
}

/**
 * A possible match in another team of the same municipality: only the team's
 * name, nothing about the person (§ 35 SGB I). Such a check is audited.
 */
export interface DuplicateOtherTeamResponse {
  teamName: string;
}

export interface DuplicateCheckResponse {
  /** Own team, at most `DUPLICATE_CHECK_LIMITS.maxMatches`, by name. */
  matches: DuplicateMatchResponse[];
  /** Other teams of the municipality with a possible match, each once, by name. Never another municipality. */
  otherTeams: DuplicateOtherTeamResponse[];
}

export const DUPLICATE_CHECK_LIMITS = {
  maxMatches: 10,
} as const;
