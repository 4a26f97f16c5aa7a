import { Page, expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SCREENSHOTS, hasArabicScriptName, listClients, otherTeamClient, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

test.describe.configure({ mode: 'serial' });

const TABS = [
  'Überblick',
  'Integrationsplan',
  'Gespräche',
  'Qualifikationen & Sprachen',
  'Ergebnisse',
  'Einwilligungen',
  'Verlauf',
] as const;

test.describe('client file', () => {
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    // A context of its own (axe needs one), signed in once for all tests of this file.
    page = await (await browser.newContext({ locale: 'de-DE', timezoneId: 'UTC' })).newPage();
    await signIn(page, DEMO_ACCOUNTS.manager);
    await expect(page).not.toHaveURL(/\/anmelden/);
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  test('opens from the caseload and shows every tab, each accessible', async () => {
    test.setTimeout(90_000);
    const clients = await listClients(page.request, '&state=active');
    const client = clients.find(hasArabicScriptName) ?? clients[0];

    await page.goto('/fallbestand?mine=false'); // the team's clients, not only the own caseload
    await page.getByRole('searchbox', { name: 'Suche' }).fill(client.caseNumber);
    await page.getByRole('row').filter({ hasText: client.caseNumber }).getByRole('link').first().click();

    await expect(page).toHaveURL(new RegExp(`/klienten/${client.id}/ueberblick$`));
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toContainText(`${client.firstName} ${client.lastName}`);
    await expect(page.getByText(client.caseNumber, { exact: true })).toBeVisible();
    await expect(page.getByRole('progressbar', { name: /^Betreuungszeitraum:/ })).toBeVisible();

    const tabs = page.getByRole('tablist', { name: 'Bereiche der Akte' });
    await expect(tabs.getByRole('tab')).toHaveText([...TABS]);
    for (const tab of TABS) {
      await tabs.getByRole('tab', { name: tab, exact: true }).click();
      await expect(tabs.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('tabpanel', { name: tab })).toBeVisible();
      if (tab === 'Verlauf') {
        await expect(page.getByText('Verlauf wird geladen …')).toHaveCount(0);
      }
      expect(await violations(page), `axe on the tab ${tab}`).toEqual([]);
      if (tab === 'Überblick' || tab === 'Integrationsplan' || tab === 'Gespräche') {
        await page.screenshot({ path: join(SCREENSHOTS, `client-file-${tab === 'Überblick' ? 'overview' : tab === 'Integrationsplan' ? 'plan' : 'conversations'}.png`), fullPage: true });
      }
    }
  });

  test('an unknown id shows "nicht gefunden" and no client data', async () => {
    await page.goto(`/klienten/${randomUUID()}`);

    await expect(page.getByRole('heading', { level: 1, name: 'Klient:in nicht gefunden' })).toBeVisible();
    await expect(page.getByRole('tablist')).toHaveCount(0);
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    expect(await violations(page)).toEqual([]);
  });

  test("another team's client shows \"nicht gefunden\" and nothing of the client", async ({ browser }) => {
    const foreign = await otherTeamClient(browser);
    const seen: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes(`/api/clients/${foreign.id}`)) seen.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });

    await page.goto(`/klienten/${foreign.id}`);

    await expect(page.getByRole('heading', { level: 1, name: 'Klient:in nicht gefunden' })).toBeVisible();
    await expect(page.getByText(foreign.caseNumber)).toHaveCount(0);
    await expect(page.getByText(foreign.lastName)).toHaveCount(0);
    expect(seen).toEqual([`404 /api/clients/${foreign.id}/file`]);
    await page.screenshot({ path: join(SCREENSHOTS, 'client-file-not-found.png') });
  });
});
