import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CreateReferralRequest, ReferralResponse } from '@wegweiser/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { ReferralsApi } from './referrals-api';

describe('ReferralsApi', () => {
  let api: ReferralsApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ReferralsApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('posts a referral and leaves its errors (consentRequired) to the caller', async () => {
    const body: CreateReferralRequest = { partnerOfferId: 'o-1', goalId: 'g-1', state: 'sent', sentOn: '2026-03-02' };
    const result = firstValueFrom(api.create('c 1', body));

    const request = backend.expectOne('/api/clients/c%201/plan/referrals');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(body);
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    const response = { id: 'r-1', state: 'sent' } as ReferralResponse;
    request.flush(response);
    await expect(result).resolves.toEqual(response);
  });

  it('patches a referral with its version and leaves errors to the global interceptor', async () => {
    const result = firstValueFrom(api.update('c-1', 'r-1', { version: 2, state: 'accepted' }));

    const request = backend.expectOne('/api/clients/c-1/plan/referrals/r-1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ version: 2, state: 'accepted' });
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(false);
    const response = { id: 'r-1', state: 'accepted', version: 3 } as ReferralResponse;
    request.flush(response);
    await expect(result).resolves.toEqual(response);
  });
});
