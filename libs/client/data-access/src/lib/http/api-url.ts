import { API_PREFIX, API_ROUTES } from '@wegweiser/shared/contracts';

/** One of the route constants the API and the client share. */
export type ApiRoute = (typeof API_ROUTES)[keyof typeof API_ROUTES];

/** Absolute path of an API route on the serving origin, e.g. `/api/health/ready`. */
export function apiUrl(route: ApiRoute): string {
  return `/${API_PREFIX}/${route}`;
}
