import { ERROR_CODES, USER_ERROR_CODES } from '@wegweiser/shared/contracts';

const EXPLAINED: ReadonlySet<string> = new Set([
  USER_ERROR_CODES.staleVersion,
  USER_ERROR_CODES.cannotChangeOwnAccount,
  USER_ERROR_CODES.emailTaken,
  ERROR_CODES.notFound,
]);

/** The text key (under `errors.`) for a failed call: the codes the screen explains, otherwise `failed`. */
export function errorKey(code: string | undefined): string {
  return code && EXPLAINED.has(code) ? code : 'failed';
}

/** Whether the list must be loaded again after this failure (someone else changed or removed the account). */
export function needsReload(code: string | undefined): boolean {
  return code === USER_ERROR_CODES.staleVersion || code === ERROR_CODES.notFound;
}

/** "Vorname Nachname" as the screen shows it. */
export function fullName(user: { firstName: string; lastName: string }): string {
  return `${user.firstName} ${user.lastName}`;
}
