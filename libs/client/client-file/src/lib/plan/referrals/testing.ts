import { signal } from '@angular/core';
import { ClientFileResponse, ConsentResponse, PartnerOfferListItemResponse, ReferralResponse } from '@wegweiser/shared/contracts';
import { testClient } from '../../testing/fixtures';

/** Test data of the referral specs: a consent, an offer, a referral, and a stub of the file store. */
export function testConsent(overrides: Partial<ConsentResponse> = {}): ConsentResponse {
  return {
    id: 'k-1',
    clientId: 'c-1',
    purpose: 'Vermittlung',
    recipientKind: 'partner',
    partnerId: 'p-vhs',
    partnerName: 'Volkshochschule',
    dataCategories: ['personal', 'language'],
    givenOn: '2026-01-10',
    validUntil: '2026-12-31',
    withdrawnOn: null,
    recordedAs: 'signed_paper',
    filedAt: null,
    valid: true,
    version: 1,
    ...overrides,
  };
}

export function testOffer(overrides: Partial<PartnerOfferListItemResponse> = {}): PartnerOfferListItemResponse {
  return {
    id: 'o-vhs',
    partnerId: 'p-vhs',
    partnerName: 'Volkshochschule',
    partnerKind: 'organisation',
    topic: 'language',
    title: 'Sprachcafé',
    description: null,
    active: true,
    version: 1,
    ...overrides,
  };
}

export function testReferral(overrides: Partial<ReferralResponse> = {}): ReferralResponse {
  return {
    id: 'r-1',
    goalId: null,
    partnerId: 'p-vhs',
    partnerName: 'Volkshochschule',
    partnerOfferId: 'o-vhs',
    offerTitle: 'Sprachcafé',
    topic: 'language',
    state: 'sent',
    sentOn: '2026-03-02',
    stateChangedOn: '2026-03-02',
    version: 2,
    ...overrides,
  };
}

/** Only what the referral components read of a file. */
export function testFile(parts: { referrals?: ReferralResponse[]; consents?: ConsentResponse[] } = {}): ClientFileResponse {
  return {
    client: testClient(),
    consents: parts.consents ?? [],
    plan: {
      goals: [{ id: 'g-1', fieldOfAction: 'language', target: 'Deutsch B1', targetLevel: 'B1', dueOn: '2026-12-31', state: 'open', stateChangedOn: '2026-01-10', version: 1, steps: [] }],
      referrals: parts.referrals ?? [],
    },
    access: { canEdit: true, refusal: null },
  } as unknown as ClientFileResponse;
}

/** A `ClientFileStore` with a fixed file; counts its reloads. */
export function stubStore(file: ClientFileResponse, canEdit = true) {
  const store = { file: signal<ClientFileResponse | null>(file), canEdit: signal(canEdit), reloads: 0, reload: () => store.reloads++ };
  return store;
}
