import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom, last } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { PartnerAdminApi } from './partner-admin-api';

describe('PartnerAdminApi', () => {
  let api: PartnerAdminApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(PartnerAdminApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists every partner including inactive ones, and the working groups', () => {
    api.partners().subscribe();
    const partners = backend.expectOne((r) => r.url === '/api/partners');
    expect(partners.request.params.get('includeInactive')).toBe('true');
    expect(partners.request.params.keys()).toEqual(['includeInactive']);
    partners.flush([]);
    api.workingGroups().subscribe();
    backend.expectOne('/api/working-groups').flush([]);
  });

  it('writes partners, offers and working groups in request bodies, handling errors itself', () => {
    api.update('p-1', { version: 2, phone: null }).subscribe();
    const patch = backend.expectOne('/api/partners/p-1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ version: 2, phone: null });
    expect(patch.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);
    patch.flush({});
    api.createOffer('p-1', { topic: 'culture', title: 'Erzählcafé' }).subscribe();
    expect(backend.expectOne('/api/partners/p-1/offers').request.method).toBe('POST');
    api.createWorkingGroup({ name: 'Gesundheit' }).subscribe();
    expect(backend.expectOne('/api/working-groups').request.body).toEqual({ name: 'Gesundheit' });
    backend.match(() => true).forEach((r) => r.flush({}));
  });

  it('uploads the file for the preview with progress, and again with the token to confirm', async () => {
    const file = new File(['Name\nVerein\n'], 'liste.csv', { type: 'text/csv' });
    const preview = firstValueFrom(api.previewImport(file).pipe(last()));
    const upload = backend.expectOne('/api/partners/import/preview');
    expect(upload.request.reportProgress).toBe(true);
    expect((upload.request.body as FormData).get('file')).toBeInstanceOf(File);
    upload.flush({ token: 't' });
    expect((await preview).type).toBe(HttpEventType.Response);

    api.confirmImport(file, 't').subscribe();
    const confirm = backend.expectOne('/api/partners/import/confirm');
    expect((confirm.request.body as FormData).get('token')).toBe('t');
    confirm.flush({ created: 0, updated: 0, unchanged: 1, skipped: 0 });
  });
});
