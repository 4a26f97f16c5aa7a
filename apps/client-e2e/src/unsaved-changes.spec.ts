import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { SCREENSHOTS, listClients, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

test('leaving the conversation form with a typed note asks first; staying keeps the note', async ({ browser }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'UTC' });
  const page = await context.newPage();
  await signIn(page, DEMO_ACCOUNTS.manager);
  await expect(page).not.toHaveURL(/\/anmelden/);
  // The manager's own active client at index 10 (other specs use other indexes); nothing is saved.
  const { me } = (await (await page.request.get('/api/auth/me')).json()) as { me: { id: string } };
  const client = (await listClients(page.request, `&state=active&managerId=${me.id}`))[10];
  expect(client).toBeDefined();
  const formUrl = new RegExp(`/klienten/${client.id}/gespraech-neu$`);
  const dialog = page.getByRole('alertdialog', { name: 'Ungespeicherte Änderungen verwerfen?' });
  const note = page.getByRole('textbox', { name: 'Gesprächsnotiz' });

  // An untouched form lets the user go without asking.
  await page.goto(`/klienten/${client.id}/ueberblick`);
  await page.getByRole('link', { name: 'Gespräch dokumentieren' }).click();
  await expect(page).toHaveURL(formUrl);
  await page.getByRole('link', { name: 'Zurück zur Akte' }).click();
  await expect(page).toHaveURL(new RegExp(`/klienten/${client.id}/ueberblick$`));
  await expect(dialog).toHaveCount(0);

  // A typed note: leaving asks, "Auf der Seite bleiben" has the focus and keeps the note.
  await page.getByRole('link', { name: 'Gespräch dokumentieren' }).click();
  await expect(page).toHaveURL(formUrl);
  await note.fill('Wohnungssuche besprochen, noch nicht gespeichert.');
  await page.getByRole('link', { name: 'Zurück zur Akte' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Ihre Eingaben auf dieser Seite sind noch nicht gespeichert.');
  await expect(dialog.getByRole('button', { name: 'Auf der Seite bleiben' })).toBeFocused();
  expect(await violations(page), 'axe with the dialog open').toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'unsaved-changes-dialog.png') });

  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(formUrl);
  await expect(note).toHaveValue('Wohnungssuche besprochen, noch nicht gespeichert.');

  // The top bar's link asks too; "Änderungen verwerfen" leaves.
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Fallbestand' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Änderungen verwerfen' }).click();
  await expect(page).toHaveURL(/\/fallbestand$/);
  await expect(dialog).toHaveCount(0);

  await context.close();
});
