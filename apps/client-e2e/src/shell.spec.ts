import { Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { SCREENSHOTS, hasArabicScriptName, listClients, violations } from './support/clients';
import { DEMO_ACCOUNTS, openSignIn, signIn } from './support/sign-in';

test.describe.configure({ mode: 'serial' });

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const DESKTOP = { width: 1366, height: 768 };
const TABLET = { width: 768, height: 1024 };

/** The app shell as a manager uses it: quick switcher, caseload ("Nur meine", Verantwortlich), tablet layout. */
test.describe('App shell, quick switcher and caseload', () => {
  let page: Page;
  let me: { id: string; firstName: string; lastName: string };

  test.beforeAll(async ({ browser }) => {
    page = await (await browser.newContext({ locale: 'de-DE', timezoneId: 'UTC', viewport: DESKTOP })).newPage();
    await signIn(page, DEMO_ACCOUNTS.manager);
    await expect(page).toHaveURL(/\/heute/);
    me = ((await (await page.request.get('/api/auth/me')).json()) as { me: typeof me }).me;
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  async function openCaseload(path = '/fallbestand') {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Mein Fallbestand' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Klient:innen gefunden' })).toBeVisible();
  }

  const switcher = () => page.getByRole('dialog', { name: 'Klient:in öffnen' });
  const switcherInput = () => switcher().getByRole('combobox', { name: 'Name oder Fallnummer' });

  /** Makes the option that contains `text` the active one with the arrow keys and opens it with Enter. */
  async function chooseWithKeys(text: string) {
    const options = switcher().getByRole('option');
    await expect(options.filter({ hasText: text })).toHaveCount(1);
    const texts = await options.allTextContents();
    const index = texts.findIndex((t) => t.includes(text));
    for (let i = 0; i < index; i++) await switcherInput().press('ArrowDown');
    const id = await options.nth(index).getAttribute('id');
    await expect(switcherInput()).toHaveAttribute('aria-activedescendant', id ?? 'missing');
    await expect(options.nth(index)).toHaveAttribute('aria-selected', 'true');
    await switcherInput().press('Enter');
  }

  test('(8) Ctrl+K finds a client by part of the case number or of the name and opens the file; the search stays out of the address', async () => {
    const team = await listClients(page.request, '&state=active');
    const byNumber = team[3];
    const byName = team.find(hasArabicScriptName);
    expect(byNumber && byName, 'demo clients').toBeTruthy();
    if (!byNumber || !byName) return;

    await openCaseload();
    await page.keyboard.press('Control+k');
    await expect(switcher()).toBeVisible();
    await expect(switcherInput()).toBeFocused();
    const numberPart = byNumber.caseNumber.slice(3); // e.g. "2026-0123" of "BH-2026-0123"
    await switcherInput().fill(numberPart);
    await chooseWithKeys(byNumber.caseNumber);
    await expect(page).toHaveURL(new RegExp(`/klienten/${byNumber.id}/ueberblick$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`${byNumber.firstName} ${byNumber.lastName}`);
    await expect(switcher()).toHaveCount(0);
    expect(page.url()).not.toContain(numberPart);

    // From the client file, by part of the name in Arabic script, with the top bar's search field.
    const original = (byName.lastNameOriginal ?? byName.firstNameOriginal ?? '').trim();
    const namePart = original.slice(0, Math.max(3, original.length - 1));
    const searchField = page.getByRole('banner').getByRole('button', { name: 'Klient:in suchen' });
    await searchField.click();
    await switcherInput().fill(namePart);
    await expect(switcher().getByRole('status')).toContainText('Treffer');
    await page.screenshot({ path: join(SCREENSHOTS, 'quick-switcher.png') });
    await chooseWithKeys(byName.caseNumber);
    await expect(page).toHaveURL(new RegExp(`/klienten/${byName.id}/ueberblick$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`${byName.firstName} ${byName.lastName}`);
    expect(decodeURIComponent(page.url())).not.toContain(namePart);

    // Escape closes it and focus returns to where it was.
    await searchField.focus();
    await page.keyboard.press('Control+k');
    await expect(switcherInput()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(switcher()).toHaveCount(0);
    await expect(searchField).toBeFocused();
  });

  test('(9) the caseload shows names, never UUIDs; "Nur meine" is on for a manager, off shows the team, and a reload keeps it', async () => {
    await openCaseload();
    const toggle = page.getByRole('switch', { name: 'Nur meine' });
    await expect(toggle).toBeChecked();
    const table = page.getByRole('table', { name: 'Klient:innen im Fallbestand' });
    await expect(table.getByRole('columnheader', { name: 'Verantwortlich' })).toBeVisible();
    const responsible = table.locator('td.caseload__responsible');
    await expect(responsible.first()).toHaveText(`${me.firstName} ${me.lastName}`);
    const shown = await responsible.allTextContents();
    expect(new Set(shown.map((t) => t.trim()))).toEqual(new Set([`${me.firstName} ${me.lastName}`]));
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(UUID);
    // "61 Klient:innen gefunden (50 von 61 angezeigt)": the first number (German thousands separator ".").
    const count = async () => Number(/^\s*([\d.]+)/.exec(await page.getByRole('status').filter({ hasText: 'Klient:innen gefunden' }).innerText())?.[1]?.replace(/\./g, '') ?? NaN);
    const own = await count();
    const ownTotal = ((await (await page.request.get('/api/clients?pageSize=1&mine=true')).json()) as { total: number }).total;
    expect(own).toBe(ownTotal);

    await toggle.click();
    await expect(toggle).not.toBeChecked();
    await expect(page).toHaveURL(/[?&]mine=false/);
    await expect.poll(count).toBeGreaterThan(own);
    const names = new Set((await responsible.allTextContents()).map((t) => t.trim()));
    expect(names.size, 'colleagues of the team by name').toBeGreaterThan(1);
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(UUID);
    const team = await count();

    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: 'Klient:innen gefunden' })).toBeVisible();
    await expect(page.getByRole('switch', { name: 'Nur meine' })).not.toBeChecked();
    await expect.poll(count).toBe(team);

    await page.getByRole('switch', { name: 'Nur meine' }).click();
    await expect(page).not.toHaveURL(/mine=/);
    await expect.poll(count).toBe(own);
  });

  test('(10) shell, caseload and quick switcher pass axe at 1366×768 and 768×1024; at 768 cards, a menu button and no horizontal scroll', async () => {
    test.setTimeout(60_000);
    const noHorizontalScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    const [own] = await listClients(page.request, '&mine=true');
    const few = own?.lastName ?? '';
    for (const viewport of [DESKTOP, TABLET]) {
      await page.setViewportSize(viewport);
      await openCaseload();
      // A few rows (found by a last name) keep the scan short; the table or the cards are there all the same.
      await page.getByRole('searchbox', { name: 'Suche' }).fill(few);
      await expect(page.getByRole('status').filter({ hasText: 'Klient:innen gefunden' })).not.toContainText(/^\s*0 /);
      await expect(page.getByRole('link', { name: new RegExp(few) }).first()).toBeVisible();
      expect(await violations(page), `caseload at ${viewport.width}`).toEqual([]);
      expect(await noHorizontalScroll(), `caseload fits ${viewport.width}`).toBe(true);

      await page.keyboard.press('Control+k');
      await switcherInput().fill('BH-20');
      await expect(switcher().getByRole('option').first()).toBeVisible();
      expect(await violations(page), `switcher at ${viewport.width}`).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(switcher()).toHaveCount(0);
    }

    // 768: cards instead of the table, the top bar's links behind a menu button.
    await openCaseload();
    await expect(page.getByRole('table')).toHaveCount(0);
    const cards = page.getByRole('list', { name: 'Klient:innen im Fallbestand' });
    await expect(cards.getByRole('listitem').first()).toBeVisible();
    await expect(cards.getByRole('listitem').first()).toContainText('Verantwortlich');
    expect(await noHorizontalScroll(), 'all cards fit 768').toBe(true);
    const banner = page.getByRole('banner');
    await expect(banner.getByRole('navigation', { name: 'Hauptnavigation' })).toHaveCount(0);
    const menuButton = banner.getByRole('button', { name: 'Menü: Bereiche und Konto' });
    await expect(menuButton).toBeVisible();
    await menuButton.click();
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitem', { name: 'Fallbestand' })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'Abmelden' })).toBeVisible();
    expect(await violations(page), 'menu at 768').toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'shell-tablet-menu.png') });
    await page.keyboard.press('Escape');

    // The switcher fills the screen at 768.
    await page.keyboard.press('Control+k');
    const box = await switcher().boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(TABLET.width - 1);
    await page.keyboard.press('Escape');

    // A client file fits too.
    const [client] = await listClients(page.request, '&mine=true');
    await page.goto(`/klienten/${client?.id ?? ''}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await noHorizontalScroll(), 'client file fits 768').toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'shell-tablet-file.png') });
    await page.setViewportSize(DESKTOP);
  });

  test('(11) a progress bar shows while the client file loads', async () => {
    const [client] = await listClients(page.request, '&mine=true');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/clients/*/file', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`/klienten/${client?.id ?? ''}`);
    await expect(page.getByRole('progressbar', { name: 'Wird geladen …' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
    release();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`${client?.firstName} ${client?.lastName}`);
    await expect(page.getByRole('progressbar', { name: 'Wird geladen …' })).toHaveCount(0);
    await page.unroute('**/api/clients/*/file');
  });
});

test.describe('keyboard', () => {
  test('(11) the skip link is the first Tab stop and moves focus to the content; the language changes on Enter/Space, not on arrow keys', async ({ page }) => {
    await openSignIn(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    await expect(page.locator('main#inhalt')).toBeFocused();

    const group = page.getByRole('group', { name: 'Sprache' });
    const german = group.getByRole('button', { name: 'Deutsch' });
    const english = group.getByRole('button', { name: 'English' });
    await expect(german).toHaveAttribute('aria-pressed', 'true');
    await german.focus();
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) await page.keyboard.press(key);
    await page.keyboard.press('Tab');
    await expect(english).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(german).toHaveAttribute('aria-pressed', 'true');

    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(group).toHaveCount(0);
    const englishGroup = page.getByRole('group', { name: 'Language' });
    await expect(englishGroup.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    await englishGroup.getByRole('button', { name: 'Deutsch' }).focus();
    await page.keyboard.press('Space');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');

    // The focus ring is visible on a focused control.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const style = document.activeElement ? getComputedStyle(document.activeElement) : null;
      return style ? { width: style.outlineWidth, style: style.outlineStyle } : null;
    });
    expect(outline).toEqual({ width: '3px', style: 'solid' });
  });
});
