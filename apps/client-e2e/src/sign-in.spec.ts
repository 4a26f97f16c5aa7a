import { Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, openSignIn, signIn } from './support/sign-in';
import { totp } from './support/totp';
import { rememberTotpSecret } from './support/totp-accounts';
import { violations } from './support/clients';

async function browserStorage(page: Page): Promise<number> {
  return page.evaluate(() => localStorage.length + sessionStorage.length);
}

test.describe('sign-in', () => {
  test('the German sign-in page is accessible (axe, WCAG 2.1 A/AA)', async ({ page }, testInfo) => {
    await page.goto('/');

    await expect(page).toHaveURL(/\/anmelden$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Anmelden' })).toBeVisible();
    await expect(page.getByLabel('E-Mail-Adresse')).toBeVisible();
    await expect(page.getByLabel('Passwort')).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Betriebsbereit');
    expect(await violations(page)).toEqual([]);
    // test-output/client-e2e/screenshots/login.png
    await page.screenshot({ path: join(testInfo.project.outputDir, 'screenshots', 'login.png'), fullPage: true });
  });

  test('a wrong password is refused with a German message', async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.evaluator, 'falsches-Passwort-123');

    await expect(page.getByRole('alert')).toHaveText(
      'E-Mail-Adresse oder Passwort ist falsch, oder das Konto ist vorübergehend gesperrt.',
    );
    await expect(page).toHaveURL(/\/anmelden$/);
    await expect(page.getByLabel('Passwort')).toHaveValue('');
  });

  test('an integration manager lands on "Heute", sees the top bar, and signs out', async ({ page }) => {
    await signIn(page, DEMO_ACCOUNTS.manager);

    await expect(page).toHaveURL(/\/heute$/);
    const banner = page.getByRole('banner');
    await expect(banner).toContainText('Julia Neumann');
    await expect(banner).toContainText('Integrationsmanager:in · Beispielheim');
    const nav = banner.getByRole('navigation', { name: 'Hauptnavigation' });
    await expect(nav.getByRole('link', { name: 'Fallbestand' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Verwaltung' })).toHaveCount(0);
    expect(await browserStorage(page)).toBe(0);

    await banner.getByRole('button', { name: 'Abmelden' }).click();

    await expect(page).toHaveURL(/\/anmelden$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Anmelden' })).toBeVisible();
    await expect(banner).not.toContainText('Julia Neumann');

    await page.goto('/fallbestand');
    await expect(page).toHaveURL(/\/anmelden$/);
    expect(await browserStorage(page)).toBe(0);
  });

  test('an administrator sets up TOTP (QR code, code, recovery codes) and lands on the administration', async ({
    page,
  }, testInfo) => {
    const screenshot = (name: string) => join(testInfo.project.outputDir, 'screenshots', name);
    await signIn(page, DEMO_ACCOUNTS.adminMusterstadt);

    await expect(page).toHaveURL(/\/anmelden\/zweiter-faktor$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Authenticator-App einrichten' })).toBeVisible();
    const qr = page.getByRole('img', { name: 'QR-Code zum Einrichten der Authenticator-App' });
    await expect(qr).toBeVisible();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: screenshot('totp-enrol.png'), fullPage: true });

    const secret = (await page.locator('code').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await page.getByLabel('Sechsstelliger Code').fill(totp(secret));
    rememberTotpSecret(DEMO_ACCOUNTS.adminMusterstadt, secret);
    await page.getByRole('button', { name: 'Bestätigen' }).click();

    await expect(page.getByRole('heading', { level: 2, name: 'Ihre Wiederherstellungscodes' })).toBeVisible();
    const codes = page.getByRole('list', { name: 'Ihre Wiederherstellungscodes' }).getByRole('listitem');
    expect(await codes.count()).toBeGreaterThanOrEqual(8);

    await page.getByRole('button', { name: 'Weiter' }).click();

    await expect(page).toHaveURL(/\/verwaltung\/benutzer$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Verwaltung' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Benutzer:innen' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Administration · Musterstadt');
    await page.screenshot({ path: screenshot('administration.png'), fullPage: true });
    expect(await browserStorage(page)).toBe(0);
  });

  test('a signed-out visitor is sent from any page to /anmelden', async ({ page }) => {
    await page.goto('/verwaltung');
    await expect(page).toHaveURL(/\/anmelden$/);
    await openSignIn(page);
  });
});
