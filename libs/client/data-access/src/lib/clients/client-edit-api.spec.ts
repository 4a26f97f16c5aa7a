import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { ClientEditApi } from './client-edit-api';

describe('ClientEditApi', () => {
  let api: ClientEditApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ClientEditApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('patches the personal data with the version and lets the form show a conflict', async () => {
    const result = firstValueFrom(api.updateClient('c 1', { version: 3, phone: '0151' }));
    const request = backend.expectOne('/api/clients/c%201');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ version: 3, phone: '0151' });
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    request.flush({ id: 'c 1', version: 4 });
    await expect(result).resolves.toEqual({ id: 'c 1', version: 4 });
  });

  it('puts a language by its code, adds, changes and deletes work experience', () => {
    api.putLanguage('c1', 'de', { version: 0, level: 'A2' }).subscribe();
    expect(backend.expectOne({ method: 'PUT', url: '/api/clients/c1/languages/de' }).request.body).toEqual({ version: 0, level: 'A2' });
    api.addWorkExperience('c1', { occupation: 'Näherin', years: 3 }).subscribe();
    backend.expectOne({ method: 'POST', url: '/api/clients/c1/work-experience' }).flush({});
    api.updateWorkExperience('c1', 'w1', { version: 1, years: 4 }).subscribe();
    backend.expectOne({ method: 'PATCH', url: '/api/clients/c1/work-experience/w1' }).flush({});
    api.removeWorkExperience('c1', 'w1').subscribe();
    backend.expectOne({ method: 'DELETE', url: '/api/clients/c1/work-experience/w1' }).flush(null);
    api.putQualifications('c1', { version: 0, interests: [] }).subscribe();
    backend.expectOne({ method: 'PUT', url: '/api/clients/c1/qualifications' }).flush({});
  });
});
