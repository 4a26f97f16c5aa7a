import { Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { SCREENSHOTS, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

test.describe.configure({ mode: 'serial' });

/** The sentences the list may show, one per kind (German). */
const KIND_TEXT =
  /^(Betreuungszeitraum endet in (6 Monaten|3 Monaten|einem Monat) \(am \d\d\.\d\d\.\d{4}\)|Ziel überfällig \(fällig am \d\d\.\d\d\.\d{4}\):|Vereinbarter Schritt überfällig \(fällig am \d\d\.\d\d\.\d{4}\):|Termin morgen um \d\d:\d\d|Seit (1 Woche|\d+ Wochen) kein Kontakt \(zuletzt am \d\d\.\d\d\.\d{4}\)|(Integrationsplan|Verlängerung) von der Sachgebietsleitung zurückgegeben \(am \d\d\.\d\d\.\d{4}\):)/;

/**
 * Reminders in the browser: the e2e server creates today's reminders at
 * start-up (REMINDERS_RUN_ON_START, on by default; the same generator as the daily job);
 * the manager sees the unread count on the bell, opens the list, marks one
 * read, and the count drops (also after a reload).
 */
test.describe('Erinnerungen', () => {
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    page = await (await browser.newContext({ locale: 'de-DE', timezoneId: 'UTC' })).newPage();
    await signIn(page, DEMO_ACCOUNTS.manager);
    await expect(page).not.toHaveURL(/\/anmelden/);
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  const bell = () => page.getByRole('link', { name: /^Erinnerungen, (\d+|keine) ungelesen$/ });
  async function unreadOnBell(): Promise<number> {
    const name = (await bell().getAttribute('aria-label')) ?? '';
    const match = /^Erinnerungen, (\d+) ungelesen$/.exec(name);
    return match ? Number(match[1]) : 0;
  }

  test('the bell shows the unread count; the list says what is due, accessibly; marking one read lowers the count', async () => {
    await expect(bell()).toHaveAccessibleName(/^Erinnerungen, \d+ ungelesen$/);
    const unread = await unreadOnBell();
    const fromApi = (await (await page.request.get('/api/reminders/count')).json()) as { unread: number };
    expect(unread).toBe(fromApi.unread);
    expect(unread).toBeGreaterThan(1);

    await bell().click();
    await expect(page).toHaveURL(/\/erinnerungen$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Erinnerungen' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: `${unread} ungelesen` })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Nur ungelesene' })).toBeChecked();

    const list = page.getByRole('list', { name: 'Erinnerungen' });
    const items = list.getByRole('listitem');
    await expect(items).toHaveCount(Math.min(unread, 50));
    for (const text of await list.locator('p').filter({ hasNotText: /erstellt am/ }).allTextContents()) {
      expect(text.trim()).toMatch(KIND_TEXT);
    }
    // Each line names its client, linked to the file.
    await expect(items.first().getByRole('link')).toHaveAttribute('href', /^\/klienten\/[0-9a-f-]{36}$/);

    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'reminders-list.png'), fullPage: true });

    const markRead = items.first().getByRole('button', { name: /^Als gelesen markieren: / });
    const label = (await markRead.getAttribute('aria-label')) ?? '';
    await markRead.click();
    await expect(page.getByText('Als gelesen markiert.')).toBeVisible();
    await expect(bell()).toHaveAccessibleName(`Erinnerungen, ${unread - 1} ungelesen`);
    await expect(page.getByRole('status').filter({ hasText: `${unread - 1} ungelesen` })).toBeVisible();

    // Read for good: after a reload the count stays lower, and the reminder shows among all as read.
    await page.reload();
    await expect(bell()).toHaveAccessibleName(`Erinnerungen, ${unread - 1} ungelesen`);
    await page.getByRole('checkbox', { name: 'Nur ungelesene' }).uncheck();
    await expect(page.getByRole('status').filter({ hasText: `${unread} Erinnerungen` })).toBeVisible();
    await expect(page.getByRole('button', { name: label })).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Erinnerungen' }).getByText('Gelesen', { exact: true }).first()).toBeVisible();
  });

  test('a line leads to the client file', async () => {
    await page.goto('/erinnerungen');
    const first = page.getByRole('list', { name: 'Erinnerungen' }).getByRole('listitem').first().getByRole('link');
    const href = (await first.getAttribute('href')) ?? '';
    await first.click();
    await expect(page).toHaveURL(new RegExp(`${href}(/[a-z-]+)?$`));
  });
});
