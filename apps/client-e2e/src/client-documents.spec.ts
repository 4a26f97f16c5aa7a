import { Browser, Page, expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENSHOTS, ClientSummary, listClients, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

test.describe.configure({ mode: 'serial' });

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'de-DE', timezoneId: 'UTC' })).newPage();
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/anmelden/);
  return page;
}

/** Clicks `button` and returns the first bytes of the file the browser downloads. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; head: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), head: (await readFile(path)).subarray(0, 5).toString('latin1') };
}

/**
 * Documents of a client file: the manager prints the integration plan in a
 * chosen second language, the team lead downloads the Art. 15 export. Only
 * reads: the manager's own active client at index 12 (this spec's; other specs
 * use 0 and 5–11).
 */
test.describe('client documents', () => {
  let client: ClientSummary;

  test('a manager prints the integration plan in a chosen language', async ({ browser }) => {
    test.setTimeout(90_000);
    const page = await signedInPage(browser, DEMO_ACCOUNTS.manager);
    const { me } = (await (await page.request.get('/api/auth/me')).json()) as { me: { id: string } };
    client = (await listClients(page.request, `&state=active&managerId=${me.id}`))[12];
    expect(client, 'own active client #12').toBeDefined();

    await page.goto(`/klienten/${client.id}/ueberblick`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`${client.firstName} ${client.lastName}`);
    await expect(page.getByRole('button', { name: 'Auskunft nach Art. 15' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Integrationsplan drucken' }).click();

    const dialog = page.getByRole('dialog', { name: 'Integrationsplan drucken' });
    await expect(dialog).toBeVisible();
    const languages = dialog.getByRole('radiogroup', { name: 'Sprache der zweiten Spalte (die erste ist Deutsch):' });
    await expect(languages.getByRole('radio')).toHaveCount(7);
    expect(await violations(page), 'axe on the print dialog').toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'client-documents-print-dialog.png') });

    await languages.getByRole('radio', { name: 'Ukrainisch' }).check();
    const planRequest = page.waitForRequest((request) => request.url().includes(`/api/clients/${client.id}/documents/plan`));
    const file = await download(page, () => dialog.getByRole('button', { name: 'PDF herunterladen' }).click());
    expect(new URL((await planRequest).url()).searchParams.get('language')).toBe('uk');
    expect(file).toEqual({ name: 'integrationsplan.pdf', head: '%PDF-' });
    await expect(dialog).toHaveCount(0);
    await page.context().close();
  });

  test('a team lead downloads the subject-access export (Art. 15)', async ({ browser }) => {
    test.setTimeout(60_000);
    const page = await signedInPage(browser, DEMO_ACCOUNTS.teamLead);
    await page.goto(`/klienten/${client.id}/ueberblick`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`${client.firstName} ${client.lastName}`);

    const exportButton = page.getByRole('button', { name: 'Auskunft nach Art. 15' });
    const file = await download(page, () => exportButton.click());
    expect(file).toEqual({ name: 'auskunft-art-15.pdf', head: '%PDF-' });
    await expect(exportButton).toBeEnabled();
    expect(await violations(page), 'axe on the file with the document buttons').toEqual([]);
    await page.context().close();
  });
});
