import { ClientSummaryResponse } from '@wegweiser/shared/contracts';

/** "First Last" in Latin script. */
export function latinName(client: Pick<ClientSummaryResponse, 'firstName' | 'lastName'>): string {
  return `${client.firstName} ${client.lastName}`;
}

/** The name in the original script, or null when none is recorded. */
export function originalName(client: Pick<ClientSummaryResponse, 'firstNameOriginal' | 'lastNameOriginal'>): string | null {
  const parts = [client.firstNameOriginal, client.lastNameOriginal].filter((part): part is string => Boolean(part?.trim()));
  return parts.length > 0 ? parts.join(' ') : null;
}
