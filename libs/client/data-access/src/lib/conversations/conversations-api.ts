import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_ROUTES, ConversationResponse, ConversationRevisionResponse, CreateConversationRequest, UpdateConversationRequest } from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../http/api-url';

/** `/api/clients/:clientId/conversations`: a client's counselling conversations. */
@Injectable({ providedIn: 'root' })
export class ConversationsApi {
  private readonly http = inject(HttpClient);

  /** `POST`: documents a conversation; failures are shown by the global error interceptor. */
  create(clientId: string, body: CreateConversationRequest): Observable<ConversationResponse> {
    return this.http.post<ConversationResponse>(this.base(clientId), body);
  }

  /** `PATCH .../:id`: corrects a conversation (its author or the team lead); the API keeps the version it replaces. */
  correct(clientId: string, id: string, body: UpdateConversationRequest): Observable<ConversationResponse> {
    return this.http.patch<ConversationResponse>(`${this.base(clientId)}/${encodeURIComponent(id)}`, body);
  }

  /** `GET .../:id/revisions`: the earlier versions, oldest first (team lead and author). */
  revisions(clientId: string, id: string): Observable<ConversationRevisionResponse[]> {
    return this.http.get<ConversationRevisionResponse[]>(`${this.base(clientId)}/${encodeURIComponent(id)}/revisions`);
  }

  private base(clientId: string): string {
    return `${apiUrl(API_ROUTES.clients)}/${encodeURIComponent(clientId)}/conversations`;
  }
}
