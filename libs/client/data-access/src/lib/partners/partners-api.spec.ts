import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { PartnerOfferListItemResponse } from '@wegweiser/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { PartnersApi } from './partners-api';

describe('PartnersApi', () => {
  let api: PartnersApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(PartnersApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('searches offers by trimmed text and topic', async () => {
    const result = firstValueFrom(api.offers({ q: '  Sprach ', topic: 'language' }));

    const request = backend.expectOne((r) => r.url === '/api/partner-offers');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.get('q')).toBe('Sprach');
    expect(request.request.params.get('topic')).toBe('language');
    const offers = [{ id: 'o-1', partnerId: 'p-1', partnerName: 'VHS', title: 'Sprachcafé' }] as PartnerOfferListItemResponse[];
    request.flush(offers);
    await expect(result).resolves.toEqual(offers);
  });

  it('leaves out empty filters', () => {
    api.offers({ q: '   ' }).subscribe();

    const request = backend.expectOne((r) => r.url === '/api/partner-offers');
    expect(request.request.params.keys()).toEqual([]);
    request.flush([]);
  });

  it('lists the partners and working groups', async () => {
    const result = firstValueFrom(api.partners());
    const request = backend.expectOne('/api/partners');
    expect(request.request.method).toBe('GET');
    request.flush([]);
    await expect(result).resolves.toEqual([]);
  });
});
