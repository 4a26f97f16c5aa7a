import { berlinDay } from './support/calendar';
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { SCREENSHOTS, listClients, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/** `YYYY-MM-DD` (UTC, as the browser's time zone) `days` from today. */
function dayFromToday(days: number): string {
  return berlinDay(days);
}

test('a manager documents a conversation from the caseload in at most ten steps', async ({ browser }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'UTC' });
  const page = await context.newPage();
  await signIn(page, DEMO_ACCOUNTS.manager);
  await expect(page).not.toHaveURL(/\/anmelden/);
  // Only the responsible manager may document (the API refuses others with 404).
  const { me } = (await (await page.request.get('/api/auth/me')).json()) as { me: { id: string } };
  const [client] = await listClients(page.request, `&state=active&managerId=${me.id}`);
  expect(client).toBeDefined();
  const nextDate = dayFromToday(14);
  await page.goto('/fallbestand');

  // 1-2: find the client and open the file.
  await page.getByRole('searchbox', { name: 'Suche' }).fill(client.caseNumber);
  await page.getByRole('row').filter({ hasText: client.caseNumber }).getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/klienten/${client.id}/ueberblick$`));

  // 3: the header's button.
  await page.getByRole('link', { name: 'Gespräch dokumentieren' }).click();
  await expect(page).toHaveURL(new RegExp(`/klienten/${client.id}/gespraech-neu$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Gespräch dokumentieren' })).toBeVisible();
  await expect(page.getByLabel('Datum', { exact: true })).toHaveValue(dayFromToday(0));
  expect(await violations(page), 'axe on the empty form').toEqual([]);

  // 4-5: two topics.
  const topics = page.getByRole('listbox', { name: 'Themen' });
  await topics.getByRole('option', { name: 'Arbeit' }).click();
  await topics.getByRole('option', { name: 'Wohnen' }).click();
  await expect(topics.getByRole('option', { selected: true })).toHaveText(['Arbeit', 'Wohnen']);
  // 6: the note.
  await page.getByRole('textbox', { name: 'Gesprächsnotiz' }).fill('Bewerbungsunterlagen besprochen, Wohnungssuche begonnen.');
  // 7-8: the next appointment.
  await page.getByLabel('Datum des nächsten Termins').fill(nextDate);
  await page.getByLabel('Uhrzeit des nächsten Termins').fill('10:00');
  expect(await violations(page), 'axe on the filled form').toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'conversation-form.png'), fullPage: true });

  // 9: save with the keyboard.
  await page.keyboard.press('Control+Enter');

  await expect(page).toHaveURL(new RegExp(`/klienten/${client.id}/verlauf$`));
  await expect(page.getByText('Gespräch gespeichert')).toBeVisible();
  const timeline = page.getByRole('tabpanel', { name: 'Verlauf' });
  await expect(timeline.getByText('Verlauf wird geladen …')).toHaveCount(0);
  const newest = timeline.getByRole('listitem').first();
  await expect(newest).toContainText('Gespräch');
  await expect(newest).toContainText('Arbeit');
  await expect(newest).toContainText('Wohnen');

  await context.close();
});
