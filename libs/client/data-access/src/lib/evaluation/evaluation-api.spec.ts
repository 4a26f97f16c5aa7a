import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { EvaluationReportRequest } from '@wegweiser/shared/contracts';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { EvaluationApi } from './evaluation-api';

describe('EvaluationApi', () => {
  const body: EvaluationReportRequest = { template: 'annualCouncil', from: '2025-01-01', to: '2025-12-31' };

  function setup() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    return { api: TestBed.inject(EvaluationApi), http: TestBed.inject(HttpTestingController) };
  }

  it('posts previews and report jobs, and reads the own jobs; the screen shows failures itself', () => {
    const { api, http } = setup();

    api.preview(body).subscribe();
    const preview = http.expectOne('/api/evaluation/preview');
    expect([preview.request.method, preview.request.body]).toEqual(['POST', body]);
    expect(preview.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(true);

    api.createReport(body).subscribe();
    const create = http.expectOne('/api/evaluation/reports');
    expect([create.request.method, create.request.body]).toEqual(['POST', body]);

    api.reports().subscribe();
    expect(http.expectOne('/api/evaluation/reports').request.method).toBe('GET');
    api.report('a/b').subscribe();
    expect(http.expectOne('/api/evaluation/reports/a%2Fb').request.method).toBe('GET');

    api.policy().subscribe();
    expect(http.expectOne('/api/evaluation/policy').request.method).toBe('GET');
    api.setPolicy({ k: 8 }).subscribe();
    const put = http.expectOne('/api/evaluation/policy');
    expect([put.request.method, put.request.body, put.request.context.get(HANDLES_ERRORS_LOCALLY)]).toEqual(['PUT', { k: 8 }, true]);
    http.verify();
  });

  it('downloads a file as a blob with its headers', () => {
    const { api, http } = setup();
    let type = '';
    let disposition: string | null = null;

    api.file('r1', 'csv').subscribe((response) => {
      type = response.body?.type ?? '';
      disposition = response.headers.get('Content-Disposition');
    });
    const request = http.expectOne('/api/evaluation/reports/r1/file?format=csv');
    expect([request.request.method, request.request.responseType]).toEqual(['GET', 'blob']);
    request.flush(new Blob(['a;b'], { type: 'text/csv' }), { headers: { 'Content-Disposition': 'attachment; filename="bericht.csv"' } });

    expect(type).toBe('text/csv');
    expect(disposition).toBe('attachment; filename="bericht.csv"');
    http.verify();
  });
});
