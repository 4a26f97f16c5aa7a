import { Type } from '@angular/core';
import { Route } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { unsavedChangesGuard } from '@wegweiser/client/ui';
import { ClientFilePage } from './client-file-page/client-file-page';
import { CONVERSATION_ID_PARAM, ConversationForm } from './conversation-form/conversation-form';
import { CLIENT_FILE_TABS, ClientFileTabPath } from './client-file-tabs';
import { ConsentsTab } from './tabs/consents-tab';
import { ConversationsTab } from './tabs/conversations-tab';
import { OutcomesTab } from './tabs/outcomes-tab';
import { OverviewTab } from './tabs/overview-tab';
import { PlanTab } from './tabs/plan-tab';
import { QualificationsTab } from './tabs/qualifications-tab';
import { TimelineTab } from './tabs/timeline-tab';

const TAB_COMPONENTS: Record<ClientFileTabPath, Type<unknown>> = {
  ueberblick: OverviewTab,
  integrationsplan: PlanTab,
  gespraeche: ConversationsTab,
  qualifikationen: QualificationsTab,
  ergebnisse: OutcomesTab,
  einwilligungen: ConsentsTab,
  verlauf: TimelineTab,
};

/** `/klienten/:clientId/...`: the client file (texts: `public/i18n/client-file/<lang>.json`). */
export const CLIENT_FILE_ROUTES: Route[] = [
  // `/klienten/:clientId/gespraech-neu`: document a conversation (a page of its own, without the tabs).
  // Leaving a form or tab with unsaved changes asks first (components with `hasUnsavedChanges()`).
  {
    path: 'gespraech-neu',
    component: ConversationForm,
    providers: [provideTranslocoScope('client-file')],
    canDeactivate: [unsavedChangesGuard],
  },
  // `/klienten/:clientId/gespraech/:conversationId/korrigieren`: correct a conversation (the same form, filled).
  {
    path: `gespraech/:${CONVERSATION_ID_PARAM}/korrigieren`,
    component: ConversationForm,
    providers: [provideTranslocoScope('client-file')],
    canDeactivate: [unsavedChangesGuard],
  },
  {
    path: '',
    component: ClientFilePage,
    providers: [provideTranslocoScope('client-file')],
    children: [
      { path: '', pathMatch: 'full', redirectTo: CLIENT_FILE_TABS[0].path },
      ...CLIENT_FILE_TABS.map(({ path }) => ({ path, component: TAB_COMPONENTS[path], canDeactivate: [unsavedChangesGuard] })),
    ],
  },
];
