export { isUniqueViolation } from '@wegweiser/api/database';

/** Names of the unique constraints this feature reports as 409 (see the migrations). */
export const UNIQUE_CONSTRAINTS = {
  userEmail: 'app_user_email_unique',
  teamName: 'team_municipality_id_name_key',
  municipalityCode: 'municipality_code_key',
} as const;
