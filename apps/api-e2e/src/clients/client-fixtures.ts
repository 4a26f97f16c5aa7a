import { ClientResponse, CreateClientRequest, CSRF_HEADER } from '@wegweiser/shared/contracts';
import { SignedInAgent } from '../support/sessions';
import { adminQuery } from '../support/test-database';

let serial = 0;

/** A valid `POST /api/clients` body (unique names unless overridden). */
export function clientBody(overrides: Partial<CreateClientRequest> = {}): CreateClientRequest {
  serial++;
  return {
    firstName: `Testperson${serial}`,
    lastName: `Fixture${String(serial).padStart(4, '0')}`,
    firstNameOriginal: null,
    lastNameOriginal: null,
    dateOfBirth: '1991-06-15',
    gender: 'female',
    countryOfOrigin: 'SY',
    nationalities: ['SY'],
    languagesSpoken: ['ar', 'de'],
    residenceStatus: 'residence_permit_refugee',
    residenceValidUntil: '2028-06-30',
    arrivalDate: '2025-09-01',
    housing: 'follow_up_accommodation',
    householdMembers: 4,
    phone: '+49 251 555-0100',
    email: `testperson${serial}@example.org`,
    address: 'Ludgeristraße 1, 48143 Münster',
    supportStart: '2026-01-12',
    ...overrides,
  };
}

export async function createClient(signed: SignedInAgent, overrides: Partial<CreateClientRequest> = {}): Promise<ClientResponse> {
  const response = await signed.agent.post('/api/clients').set(CSRF_HEADER, signed.csrf).send(clientBody(overrides));
  if (response.status !== 201) throw new Error(`creating a client failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as ClientResponse;
}

/** Row counts of the tables a client write touches (as superuser, past row-level security). */
export async function rowCounts(ownerUrl: string): Promise<Record<string, number>> {
  const [row] = await adminQuery<Record<string, string>>(
    `SELECT (SELECT count(*) FROM client) AS client, (SELECT count(*) FROM support_event) AS support_event,
            (SELECT count(*) FROM support_extension) AS support_extension, (SELECT coalesce(sum(last_value), 0) FROM case_number_counter) AS case_numbers`,
    [],
    ownerUrl,
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([key, value]) => [key, Number(value)]));
}
