import { APIRequestContext, Page, expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { OTHER_TEAM_MANAGER, SCREENSHOTS, listClients, signInViaApi, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';
import { signInWithTotp } from './support/totp-accounts';
import { join } from 'node:path';

/**
 * Datenschutz (issue 17, acceptance 5 and 8): the data-protection officer
 * finds by case number every read of a client file, including the refused
 * attempt of a manager of another team (with that manager's name), exports
 * the table as CSV and verifies the hash chain ("intakt"). Every tab passes
 * axe at 1366×768 and 768×1024 without horizontal page scroll at 768.
 *
 * The dpo enrols TOTP on the first sign-in of the run (support/totp-accounts.ts remembers the secret).
 */
async function signInDpo(page: Page): Promise<void> {
  await signInWithTotp(page, DEMO_ACCOUNTS.dpo);
  await expect(page).toHaveURL(/\/datenschutz\/protokoll$/);
}

interface Me {
  firstName: string;
  lastName: string;
  team: { name: string } | null;
}

/** The signed-in account of `request`'s context (`GET /api/auth/me` answers a SessionResponse). */
async function me(request: APIRequestContext): Promise<Me> {
  return ((await (await request.get('/api/auth/me')).json()) as { me: Me }).me;
}

/** axe at both sizes and, at 768 wide, no horizontal page scroll (wide tables scroll in their own container). */
async function checkLayout(page: Page, what: string): Promise<void> {
  for (const size of [
    { width: 1366, height: 768 },
    { width: 768, height: 1024 },
  ]) {
    await page.setViewportSize(size);
    expect(await violations(page), `${what} at ${size.width}×${size.height}`).toEqual([]);
    if (size.width === 768) {
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect(scrollWidth, `${what}: page scrolls sideways at 768`).toBeLessThanOrEqual(innerWidth);
    }
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

test('the dpo finds every read of a file incl. another team’s refused attempt, exports the table as CSV and verifies the chain', async ({ page, browser }) => {
  test.setTimeout(120_000);

  // A manager of the team opens the file in the browser.
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await signIn(reader, DEMO_ACCOUNTS.manager);
  await expect(reader.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  const [client] = await listClients(reader.request);
  expect(client, 'a client of the manager').toBeDefined();
  await reader.goto(`/klienten/${client.id}`);
  await expect(reader.locator('.header__case-number')).toHaveText(client.caseNumber);
  const readerMe = await me(reader.request);
  const readerName = `${readerMe.firstName} ${readerMe.lastName}`;
  await readerContext.close();

  // A manager of another team asks the API for the same file and is refused.
  const outsiderContext = await browser.newContext();
  await signInViaApi(outsiderContext.request, OTHER_TEAM_MANAGER);
  const refused = await outsiderContext.request.get(`/api/clients/${client.id}`);
  expect([403, 404]).toContain(refused.status());
  const outsider = await me(outsiderContext.request);
  expect(outsider.team?.name).not.toBe(readerMe.team?.name);
  const outsiderName = `${outsider.firstName} ${outsider.lastName}`;
  await outsiderContext.close();

  // The dpo (TOTP) opens Datenschutz.
  await signInDpo(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Datenschutz' })).toBeVisible();
  const tabs = page.getByRole('tablist', { name: 'Bereiche des Datenschutzes' });
  await expect(page.getByRole('table', { name: 'Protokolleinträge' })).toBeVisible();
  await checkLayout(page, 'Protokoll');

  // Zugriffe auf eine Akte: by case number, both accesses with names.
  await tabs.getByRole('tab', { name: 'Zugriffe auf eine Akte' }).click();
  await expect(page).toHaveURL(/\/datenschutz\/zugriffe$/);
  await page.getByRole('textbox', { name: 'Aktenzeichen' }).fill(client.caseNumber.toLowerCase());
  await page.getByRole('button', { name: 'Zugriffe anzeigen' }).click();
  const accesses = page.getByRole('table', { name: `Zugriffe auf die Akte ${client.caseNumber}` });
  await expect(accesses).toBeVisible();
  const readRow = accesses.getByRole('row').filter({ hasText: readerName }).filter({ hasText: 'Lesen' }).filter({ hasText: 'erfolgreich' });
  await expect(readRow.first()).toBeVisible();
  const refusedRow = accesses.getByRole('row').filter({ hasText: outsiderName }).filter({ hasText: 'verweigert' });
  await expect(refusedRow.first()).toBeVisible();
  await expect(refusedRow.first()).toContainText(outsider.team?.name ?? 'no team');
  await expect(readRow.first()).toContainText(readerMe.team?.name ?? 'no team');
  expect(new URL(page.url()).search).toBe('');
  await page.screenshot({ path: join(SCREENSHOTS, 'data-protection-access.png'), fullPage: true });
  await checkLayout(page, 'Zugriffe auf eine Akte');

  // Protokoll filtered by the case number, then the CSV export of that table.
  await tabs.getByRole('tab', { name: 'Protokoll' }).click();
  await page.getByRole('textbox', { name: 'Aktenzeichen' }).fill(client.caseNumber);
  await page.getByRole('button', { name: 'Suchen' }).click();
  const log = page.getByRole('table', { name: 'Protokolleinträge' });
  await expect(log.getByRole('row').filter({ hasText: readerName }).first()).toBeVisible();
  await expect(log.getByRole('row').filter({ hasText: outsiderName }).filter({ hasText: 'verweigert' }).first()).toBeVisible();
  const shown = (await log.getByRole('row').count()) - 1;
  await expect(page.getByRole('status').filter({ hasText: 'angezeigt' })).toHaveText(shown === 1 ? '1 Eintrag angezeigt' : `${shown} Einträge angezeigt`);
  expect(new URL(page.url()).search).toBe('');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Als CSV exportieren' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-protokoll-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(csv[0]).toBe('Zeitpunkt (UTC);Person;Rolle;Aktion;Ergebnis;Objekt;Aktenzeichen');
  expect(csv).toHaveLength(shown + 1);
  expect(csv.slice(1).every((line) => line.endsWith(`;${client.caseNumber}`))).toBe(true);
  expect(csv.some((line) => line.includes(`;${readerName};Integrationsmanager:in;Lesen;erfolgreich;`))).toBe(true);
  expect(csv.some((line) => line.includes(`;${outsiderName};Integrationsmanager:in;`) && line.includes(';verweigert;'))).toBe(true);

  // The export itself is on record.
  await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
  await page.getByRole('combobox', { name: 'Aktion' }).click();
  await expect(page.getByRole('listbox', { name: 'Aktion' })).toBeVisible();
  expect(await violations(page), 'the open Aktion list').toEqual([]);
  await page.getByRole('option', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(log.getByRole('row').filter({ hasText: 'Datenschutzbeauftragte:r' }).filter({ hasText: 'Protokoll' }).first()).toBeVisible();

  // Prüfkette: "Jetzt prüfen" runs in the background with progress, then "intakt".
  await tabs.getByRole('tab', { name: 'Prüfkette' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Prüfkette' })).toBeVisible();
  await expect(page.getByText('Die Kette wurde noch nicht geprüft.')).toBeVisible();
  await checkLayout(page, 'Prüfkette');
  await page.getByRole('button', { name: 'Jetzt prüfen' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Prüfung (wartet|läuft)/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Prüfung abgeschlossen.' })).toBeVisible({ timeout: 30_000 });
  const last = page.getByRole('region', { name: 'Letzte Prüfung' });
  await expect(last).toContainText('intakt');
  await expect(last).toContainText('Tobias Schmitt');
  await checkLayout(page, 'Prüfkette nach der Prüfung');

  // Anträge: the Art. 17 requests and Art. 15 exports (read-only).
  await tabs.getByRole('tab', { name: 'Anträge' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Löschanträge (Art. 17 DSGVO)' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Auskünfte (Art. 15 DSGVO)' })).toBeVisible();
  await checkLayout(page, 'Anträge');
});
