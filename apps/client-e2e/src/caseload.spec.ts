import { Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { SCREENSHOTS, csrfToken, hasArabicScriptName, listClients, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

test.describe.configure({ mode: 'serial' });

test.describe('Mein Fallbestand', () => {
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

  async function openCaseload() {
    await page.goto('/fallbestand');
    await expect(page.getByRole('heading', { level: 1, name: 'Mein Fallbestand' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Klient:innen gefunden' })).toBeVisible();
  }

  test('lists the own caseload with names, window and actions, accessibly', async () => {
    await openCaseload();

    const table = page.getByRole('table', { name: 'Klient:innen im Fallbestand' });
    await expect(table).toBeVisible();
    await expect(table.getByRole('link', { name: /^Gespräch dokumentieren/ }).first()).toBeVisible();
    await expect(table.getByRole('progressbar').first()).toHaveAttribute('aria-label', /^Betreuungszeitraum von /);
    await expect(page.getByRole('button', { name: 'Weitere laden' })).toBeVisible();

    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'caseload.png'), fullPage: false });
  });

  test('finds a client by part of the Arabic-script name', async () => {
    const clients = await listClients(page.request);
    const client = clients.find(hasArabicScriptName);
    expect(client, 'a demo client with an Arabic-script name').toBeDefined();
    if (!client) return;
    const original = (client.lastNameOriginal ?? client.firstNameOriginal ?? '').trim();
    const part = original.slice(0, Math.max(3, original.length - 1));

    await openCaseload();
    await page.getByRole('searchbox', { name: 'Suche' }).fill(part);

    const row = page.getByRole('row').filter({ hasText: client.caseNumber });
    await expect(row).toBeVisible();
    await expect(row.locator('[dir="auto"]').filter({ hasText: original })).toBeVisible();
    await expect(row.getByText(`${client.firstName} ${client.lastName}`, { exact: true })).toBeVisible();
    await page.screenshot({ path: join(SCREENSHOTS, 'caseload-search-arabic.png') });
  });

  test('finds a German name typed with "ue" for "ü" and opens the file from the row', async () => {
    const created = await page.request.post('/api/clients', {
      headers: { 'X-CSRF-Token': await csrfToken(page.request) },
      data: {
        firstName: 'Jürgen',
        lastName: 'Grünewald-Testfall',
        dateOfBirth: '1988-02-20',
        gender: 'male',
        countryOfOrigin: 'AF',
        nationalities: ['AF'],
        languagesSpoken: ['fa', 'de'],
        residenceStatus: 'residence_permit_refugee',
        arrivalDate: '2025-09-01',
        housing: 'follow_up_accommodation',
        supportStart: '2026-01-12',
      },
    });
    expect(created.status()).toBe(201);
    const client = (await created.json()) as { id: string; caseNumber: string };

    await openCaseload();
    await page.getByRole('searchbox', { name: 'Suche' }).fill('gruenewald-test');

    await expect(page.getByRole('status')).toContainText('1 Klient:innen gefunden');
    const row = page.getByRole('row').filter({ hasText: client.caseNumber });
    await expect(row.getByText('Jürgen Grünewald-Testfall', { exact: true })).toBeVisible();
    await expect(row.getByRole('link', { name: /^Gespräch dokumentieren/ })).toHaveAttribute(
      'href',
      `/klienten/${client.id}/gespraech-neu`,
    );

    await row.getByRole('cell').filter({ hasText: client.caseNumber }).click();
    await expect(page).toHaveURL(new RegExp(`/klienten/${client.id}/ueberblick$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Jürgen Grünewald-Testfall');
  });

  test('says clearly when nothing matches', async () => {
    await openCaseload();
    await page.getByRole('searchbox', { name: 'Suche' }).fill('Zzqxj-gibt-es-nicht');

    await expect(page.getByText('Keine Klient:innen gefunden')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
  });
});
