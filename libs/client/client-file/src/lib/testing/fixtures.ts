import { ClientResponse, SupportResponse } from '@wegweiser/shared/contracts';

/** Test data for the specs of the client file. */
export function testClient(overrides: Partial<ClientResponse> = {}): ClientResponse {
  return {
    id: 'c-1',
    caseNumber: 'BH-2026-0001',
    firstName: 'Amina',
    lastName: 'Haddad',
    firstNameOriginal: 'أمينة',
    lastNameOriginal: 'حداد',
    dateOfBirth: '1990-04-02',
    gender: 'female',
    countryOfOrigin: 'SY',
    teamId: 't-1',
    responsibleManagerId: 'm-1',
    responsibleManagerName: 'Julia Neumann',
    supportStart: '2025-01-15',
    supportState: 'active',
    supportWindowEnd: '2028-01-14',
    version: 1,
    nationalities: ['SY'],
    languagesSpoken: ['ar'],
    residenceStatus: 'residence_permit_refugee',
    residenceValidUntil: null,
    arrivalDate: '2024-10-01',
    housing: 'private_flat',
    householdMembers: 3,
    phone: null,
    email: null,
    address: null,
    pausedOn: null,
    closedOn: null,
    ...overrides,
  };
}

export function testSupport(overrides: Partial<SupportResponse> = {}): SupportResponse {
  return {
    clientId: 'c-1',
    state: 'active',
    start: '2025-01-15',
    windowEnd: '2028-01-14',
    regularWindowEnd: '2028-01-14',
    maximumWindowEnd: '2029-01-14',
    pausedOn: null,
    closedOn: null,
    closureReason: null,
    history: [],
    extensions: [],
    version: 1,
    ...overrides,
  };
}

