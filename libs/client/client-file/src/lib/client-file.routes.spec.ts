import { unsavedChangesGuard } from '@wegweiser/client/ui';
import { CLIENT_FILE_TABS } from './client-file-tabs';
import { CLIENT_FILE_ROUTES } from './client-file.routes';

describe('CLIENT_FILE_ROUTES', () => {
  it('guards the conversation form and every tab against leaving with unsaved changes', () => {
    const form = CLIENT_FILE_ROUTES.find((route) => route.path === 'gespraech-neu');
    const tabs = CLIENT_FILE_ROUTES.find((route) => route.path === '')?.children?.filter((route) => route.component) ?? [];

    expect(form?.canDeactivate).toEqual([unsavedChangesGuard]);
    expect(tabs.map((route) => route.path)).toEqual(CLIENT_FILE_TABS.map((tab) => tab.path));
    for (const tab of tabs) {
      expect(tab.canDeactivate).toEqual([unsavedChangesGuard]);
    }
  });
});
