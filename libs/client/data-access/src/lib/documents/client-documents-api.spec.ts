import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { ClientDocumentsApi } from './client-documents-api';

describe('ClientDocumentsApi', () => {
  it('fetches the plan in a language and the subject-access export as blobs, showing failures itself', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const api = TestBed.inject(ClientDocumentsApi);
    const http = TestBed.inject(HttpTestingController);
    const sizes: number[] = [];

    api.plan('c 1', 'prs').subscribe((response) => sizes.push(response.body?.size ?? -1));
    const plan = http.expectOne('/api/clients/c%201/documents/plan?language=prs');
    expect([plan.request.method, plan.request.responseType, plan.request.context.get(HANDLES_ERRORS_LOCALLY)]).toEqual(['GET', 'blob', true]);
    plan.flush(new Blob(['%PDF-1.7'], { type: 'application/pdf' }));

    api.subjectAccess('c1').subscribe((response) => sizes.push(response.body?.size ?? -1));
    const export15 = http.expectOne('/api/clients/c1/documents/subject-access');
    expect(export15.request.responseType).toBe('blob');
    export15.flush(new Blob(['%PDF'], { type: 'application/pdf' }));

    expect(sizes).toEqual([8, 4]);
    http.verify();
  });
});
