import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_ROUTES, ConversationResponse, CreateConversationRequest } from '@wegweiser/shared/contracts';
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

  private base(clientId: string): string {
    return `${apiUrl(API_ROUTES.clients)}/${encodeURIComponent(clientId)}/conversations`;
  }
}
