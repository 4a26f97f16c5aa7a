import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API_ROUTES,
  ClientResponse,
  CreateWorkExperienceRequest,
  LanguageSkillResponse,
  PutLanguageSkillRequest,
  QualificationsResponse,
  UpdateClientRequest,
  UpdateQualificationsRequest,
  UpdateWorkExperienceRequest,
  WorkExperienceResponse,
} from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { HANDLES_ERRORS_LOCALLY } from '../http/api-error';
import { apiUrl } from '../http/api-url';

/**
 * Changing a client's file in place: personal data (`PATCH /api/clients/:id`), qualifications, work experience and
 * language skills. Each write sends the version read; the forms show failures themselves (field errors, 409
 * `staleVersion` with the conflict dialog).
 */
@Injectable({ providedIn: 'root' })
export class ClientEditApi {
  private readonly http = inject(HttpClient);

  updateClient(clientId: string, body: UpdateClientRequest): Observable<ClientResponse> {
    return this.http.patch<ClientResponse>(this.url(clientId), body, { context: locally() });
  }

  /** `GET /api/clients/:id`: the personal data as saved now (for the conflict dialog). */
  client(clientId: string): Observable<ClientResponse> {
    return this.http.get<ClientResponse>(this.url(clientId), { context: locally() });
  }

  /** `GET .../qualifications` as saved now (for the conflict dialog). */
  qualifications(clientId: string): Observable<QualificationsResponse> {
    return this.http.get<QualificationsResponse>(this.url(clientId, 'qualifications'), { context: locally() });
  }

  /** `GET .../languages` as saved now (for the conflict dialog). */
  languages(clientId: string): Observable<LanguageSkillResponse[]> {
    return this.http.get<LanguageSkillResponse[]>(this.url(clientId, 'languages'), { context: locally() });
  }

  /** `PUT .../qualifications`: replaces the record (version 0 creates it). */
  putQualifications(clientId: string, body: UpdateQualificationsRequest): Observable<QualificationsResponse> {
    return this.http.put<QualificationsResponse>(this.url(clientId, 'qualifications'), body, { context: locally() });
  }

  addWorkExperience(clientId: string, body: CreateWorkExperienceRequest): Observable<WorkExperienceResponse> {
    return this.http.post<WorkExperienceResponse>(this.url(clientId, 'work-experience'), body, { context: locally() });
  }

  updateWorkExperience(clientId: string, id: string, body: UpdateWorkExperienceRequest): Observable<WorkExperienceResponse> {
    return this.http.patch<WorkExperienceResponse>(`${this.url(clientId, 'work-experience')}/${encodeURIComponent(id)}`, body, { context: locally() });
  }

  removeWorkExperience(clientId: string, id: string): Observable<void> {
    return this.http.delete<void>(`${this.url(clientId, 'work-experience')}/${encodeURIComponent(id)}`, { context: locally() });
  }

  /** `PUT .../languages/:language`: adds the language (version 0) or replaces its entry. */
  putLanguage(clientId: string, language: string, body: PutLanguageSkillRequest): Observable<LanguageSkillResponse> {
    return this.http.put<LanguageSkillResponse>(`${this.url(clientId, 'languages')}/${encodeURIComponent(language)}`, body, { context: locally() });
  }

  private url(clientId: string, resource?: 'qualifications' | 'work-experience' | 'languages'): string {
    const base = `${apiUrl(API_ROUTES.clients)}/${encodeURIComponent(clientId)}`;
    return resource ? `${base}/${resource}` : base;
  }
}

const locally = () => new HttpContext().set(HANDLES_ERRORS_LOCALLY, true);
