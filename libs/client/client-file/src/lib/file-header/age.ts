import { todayUtc } from '@wegweiser/client/ui';

/** Age in whole years on `today` of someone born on `dateOfBirth` (`YYYY-MM-DD`). */
export function ageOn(dateOfBirth: string, today: Date = todayUtc()): number {
  const [year, month, day] = dateOfBirth.slice(0, 10).split('-').map(Number);
  let age = today.getUTCFullYear() - year;
  const beforeBirthday = today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  if (beforeBirthday) age--;
  return age;
}
