import { Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS, csrfToken, hasArabicScriptName, listClients, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

test.describe.configure({ mode: 'serial' });

/** A list row as the API gives it (only what these tests compare). */
interface ListItem {
  id: string;
  caseNumber: string;
  lastContactOn: string | null;
  openGoals: string[];
  canEdit: boolean;
}

const caseloadDe = JSON.parse(readFileSync(join(__dirname, '..', '..', 'client', 'public', 'i18n', 'caseload', 'de.json'), 'utf8')) as {
  vocab: { fieldOfActionShort: Record<string, string> };
};

/** `2026-03-02` as the German UI writes it: 02.03.2026. */
const germanDate = (day: string) => day.split('-').reverse().join('.');

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

  /** The team's caseload ("Nur meine" off): these tests compare it with the API's list of the team. */
  async function openCaseload() {
    await page.goto('/fallbestand?mine=false');
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

    await expect(page.getByRole('status')).toContainText('1 Klient:in gefunden');
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

  async function listItems(query: string): Promise<ListItem[]> {
    const response = await page.request.get(`/api/clients?pageSize=50${query}`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { items: ListItem[] }).items;
  }

  /** The data rows of the table (the header row left out). */
  const dataRows = () => page.getByRole('table', { name: 'Klient:innen im Fallbestand' }).getByRole('row').filter({ has: page.getByRole('cell') });

  async function expectRowsLike(items: ListItem[]) {
    const rows = dataRows();
    for (const [i, item] of items.entries()) {
      const row = rows.nth(i);
      await expect(row.getByRole('cell').nth(1)).toHaveText(item.caseNumber);
      const cells = row.getByRole('cell');
      await expect(cells.nth(5)).toHaveText(item.lastContactOn ? germanDate(item.lastContactOn) : 'noch keiner');
      const goals = cells.nth(6);
      if (item.openGoals.length) {
        await expect(goals.getByRole('listitem')).toHaveText(item.openGoals.map((field) => caseloadDe.vocab.fieldOfActionShort[field] ?? field));
        await expect(goals).toContainText(item.openGoals.length === 1 ? '1 Ziel' : `${item.openGoals.length} Ziele`);
      } else {
        await expect(goals).toHaveText('keine');
      }
      const action = row.getByRole('link', { name: /^Gespräch dokumentieren/ });
      await expect(action).toHaveCount(item.canEdit ? 1 : 0);
    }
  }

  test('rows show last contact, open goals and the write action only where allowed', async () => {
    const items = await listItems('');
    expect(items.some((c) => c.lastContactOn !== null), 'a client with a last contact').toBe(true);
    expect(items.some((c) => c.openGoals.length > 1), 'a client with open goals in several fields').toBe(true);
    expect(items.some((c) => c.canEdit) && items.some((c) => !c.canEdit), 'own and other clients of the team').toBe(true);

    await openCaseload();
    const headers = page.getByRole('table', { name: 'Klient:innen im Fallbestand' }).getByRole('columnheader');
    await expect(headers.nth(2)).toHaveText('Verantwortlich');
    await expect(headers.nth(5)).toHaveText('Letzter Kontakt');
    await expect(headers.nth(6)).toHaveText('Offene Ziele');
    await expectRowsLike(items.slice(0, 12));
  });

  test('sorting by window end and by last contact reorders the rows as the API does, accessibly', async () => {
    test.setTimeout(90_000);
    const byName = await listItems('');
    const byWindowEnd = await listItems('&sort=windowEnd');
    const byLastContact = await listItems('&sort=lastContact');
    expect(byWindowEnd.slice(0, 10).map((c) => c.id)).not.toEqual(byName.slice(0, 10).map((c) => c.id));

    await openCaseload();
    const sort = page.getByRole('combobox', { name: 'Sortieren nach' });
    await expect(sort).toContainText('Name');
    await sort.click();
    await page.getByRole('option', { name: /^Ende des Betreuungszeitraums/ }).click();
    await expectRowsLike(byWindowEnd.slice(0, 10));

    await sort.click();
    await expect(page.getByRole('listbox')).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.getByRole('option', { name: /^Letzter Kontakt/ }).click();
    await expectRowsLike(byLastContact.slice(0, 10));

    // Paging goes on in the chosen order.
    await page.getByRole('button', { name: 'Weitere laden' }).click();
    const second = await page.request.get('/api/clients?pageSize=100&sort=lastContact');
    const firstHundred = ((await second.json()) as { items: ListItem[] }).items;
    await expect(dataRows()).toHaveCount(Math.min(100, firstHundred.length));
    await expect(dataRows().nth(50).getByRole('cell').nth(1)).toHaveText(firstHundred[50]?.caseNumber ?? '');

    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'caseload-sorted.png'), fullPage: false });
  });
});
