import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TeamDashboardApi } from './team-dashboard-api';

describe('TeamDashboardApi', () => {
  it('asks for the dashboard, with the weeks without contact only when given', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const api = TestBed.inject(TeamDashboardApi);
    const http = TestBed.inject(HttpTestingController);

    api.get().subscribe();
    expect(http.expectOne('/api/team/dashboard').request.method).toBe('GET');
    api.get({ noContactWeeks: 12 }).subscribe();
    http.expectOne('/api/team/dashboard?noContactWeeks=12');
    http.verify();
  });
});
