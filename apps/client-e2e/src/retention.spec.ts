import { Page, expect, test } from '@playwright/test';
import { listClients, signInViaApi, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';
import { signInWithTotp } from './support/totp-accounts';

/**
 * Art. 17 erasure, four eyes, through the screens. This spec erases the LAST
 * client of the team lead's first list page (other specs use the manager's
 * own clients at small indexes and the other team's first client).
 *
 * The administrator signs in with TOTP (set up at the first sign-in of the
 * run, whichever spec comes first: support/totp-accounts.ts).
 */
async function signInAdmin(page: Page): Promise<void> {
  await signInWithTotp(page, DEMO_ACCOUNTS.admin);
  await expect(page).toHaveURL(/\/verwaltung\/benutzer$/);
}

test('a team lead requests erasure, the administrator confirms it and the client is gone', async ({ page, browser }) => {
  test.setTimeout(90_000);
  // The team lead, in a context of its own.
  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  await signIn(lead, DEMO_ACCOUNTS.teamLead);
  await expect(lead.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  const clients = await listClients(lead.request);
  const client = clients[clients.length - 1];
  expect(client, 'a client of the team lead').toBeDefined();

  await lead.goto(`/klienten/${client.id}`);
  await expect(lead.locator('.header__case-number')).toHaveText(client.caseNumber);
  await lead.getByRole('button', { name: 'Löschung beantragen (Art. 17)' }).click();
  const request = lead.getByRole('dialog', { name: 'Löschung beantragen (Art. 17 DSGVO)' });
  await expect(request).toBeVisible();
  expect(await violations(lead)).toEqual([]);
  await request.getByRole('combobox', { name: 'Grund der Löschung' }).click();
  await lead.getByRole('option', { name: 'Einwilligung widerrufen (lit. b)' }).click();
  await request.getByRole('button', { name: 'Löschung beantragen' }).click();
  await expect(request).toBeHidden();
  await expect(lead.getByRole('status').filter({ hasText: 'Die Löschung ist beantragt.' })).toBeVisible();

  // The administrator (TOTP) finds the request under "Aufbewahrung und Löschung".
  await signInAdmin(page);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Aufbewahrung und Löschung' }).click();
  await expect(page).toHaveURL(/\/aufbewahrung$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Aufbewahrung und Löschung' })).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: 'Monate nach Ende der Begleitung' })).toHaveValue('72');
  const pending = page.getByRole('table', { name: 'Offene Löschanträge' });
  const row = pending.getByRole('row').filter({ hasText: client.caseNumber });
  await expect(row).toContainText('Einwilligung widerrufen (lit. b)');

  await page.getByRole('button', { name: 'Probelauf starten' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Akten? würden? gelöscht|keine Akte/ })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await row.getByRole('button', { name: `Löschung von ${client.caseNumber} bestätigen` }).click();
  const confirm = page.getByRole('dialog', { name: 'Löschung bestätigen' });
  await expect(confirm).toContainText('Das kann nicht rückgängig gemacht werden.');
  expect(await violations(page)).toEqual([]);
  await confirm.getByRole('button', { name: 'Endgültig löschen' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Die Akte ${client.caseNumber} ist gelöscht.` })).toBeVisible();
  await expect(pending.getByRole('row').filter({ hasText: client.caseNumber })).toHaveCount(0);

  // Gone for the team lead: not in the list, the file is not found.
  const after = await listClients(lead.request);
  expect(after.map((c) => c.id)).not.toContain(client.id);
  expect((await lead.request.get(`/api/clients/${client.id}`)).status()).toBe(404);
  await leadContext.close();
});

test('the retention screen is only for administrators', async ({ page }) => {
  await signInViaApi(page.request, DEMO_ACCOUNTS.teamLead);
  await page.goto('/aufbewahrung');
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Fallbestand' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Aufbewahrung und Löschung' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Aufbewahrung und Löschung' })).toHaveCount(0);
});
