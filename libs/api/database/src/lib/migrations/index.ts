import { CreateOrganisationAndClients1764000000000 } from './1764000000000-CreateOrganisationAndClients';

/** Every migration, in order. Bundled explicitly (no glob): the API ships as one webpack bundle. */
export const MIGRATIONS = [CreateOrganisationAndClients1764000000000];

export const MIGRATIONS_TABLE = 'migrations';
