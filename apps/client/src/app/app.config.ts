import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { CurrentUser, csrfInterceptor } from '@wegweiser/client/data-access';
import { appRoutes } from './app.routes';
import { AuthService } from './core/auth/auth.service';
import { sessionActivityInterceptor } from './core/auth/session-activity.interceptor';
import { sessionEndedInterceptor } from './core/auth/session-ended.interceptor';
import { apiErrorInterceptor } from './core/http/api-error.interceptor';
import { provideI18n } from './core/i18n/provide-i18n';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideHttpClient(withFetch(), withInterceptors([csrfInterceptor, sessionActivityInterceptor, sessionEndedInterceptor, apiErrorInterceptor])),
    provideI18n(),
    // Feature libraries ask the session what the user may do (they cannot import the app's AuthService).
    { provide: CurrentUser, useExisting: AuthService },
  ],
};
