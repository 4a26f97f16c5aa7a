import { Role, UserResponse } from '@wegweiser/shared/contracts';

/** A yes/no filter that may also be off. */
export type Choice = 'all' | 'yes' | 'no';

/** The list's filters; all applied in the browser (names never go into a URL). */
export interface UserFilter {
  /** Part of the first name, last name, full name or e-mail address. */
  search: string;
  role: Role | 'all';
  /** A team id, `none` for accounts without a team, or `all`. */
  team: string;
  active: Choice;
  locked: Choice;
  secondFactor: Choice;
}

export const NO_FILTER: UserFilter = { search: '', role: 'all', team: 'all', active: 'all', locked: 'all', secondFactor: 'all' };

/** Lower case without accents and with single spaces, so "Müller" is found by "muller" and "MÜLLER". */
export function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/ß/g, 'ss').replace(/\s+/g, ' ').trim();
}

const fits = (choice: Choice, value: boolean) => choice === 'all' || (choice === 'yes') === value;

/** Whether every word of the search occurs in the account's names or e-mail address. */
function matchesSearch(user: UserResponse, search: string): boolean {
  const words = normalise(search).split(' ').filter(Boolean);
  if (!words.length) return true;
  const haystack = normalise(`${user.firstName} ${user.lastName} ${user.email}`);
  return words.every((word) => haystack.includes(word));
}

/** The accounts that pass every filter, in the order given. */
export function filterUsers(users: readonly UserResponse[], filter: UserFilter): UserResponse[] {
  return users.filter(
    (user) =>
      (filter.role === 'all' || user.role === filter.role) &&
      (filter.team === 'all' || (filter.team === 'none' ? user.teamId === null : user.teamId === filter.team)) &&
      fits(filter.active, user.active) &&
      fits(filter.locked, user.locked) &&
      fits(filter.secondFactor, user.totpEnabled) &&
      matchesSearch(user, filter.search),
  );
}

/** Whether any filter is set (for the "Filter zurücksetzen" button). */
export function isFiltered(filter: UserFilter): boolean {
  return (Object.keys(NO_FILTER) as (keyof UserFilter)[]).some((key) => (key === 'search' ? filter.search.trim() !== '' : filter[key] !== NO_FILTER[key]));
}
