import { expect, test } from '@playwright/test';
import { openStartPage, switchToEnglish } from './support/start-page';

test.describe('start page', () => {
  test('welcomes in German and reports the system as ready (from the real API)', async ({ page }) => {
    await openStartPage(page);

    await expect(page.getByRole('banner')).toContainText('Wegweiser');
    await expect(page.getByText('Wegweiser unterstützt das kommunale Integrationsmanagement')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Systemstatus' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Version');
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 2, name: 'Anmelden' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page).toHaveTitle('Wegweiser');
  });

  test('switches to English and back', async ({ page }) => {
    await openStartPage(page);
    const german = page.getByRole('button', { name: 'Deutsch' });
    const english = page.getByRole('button', { name: 'English' });
    await expect(german).toHaveAttribute('aria-pressed', 'true');

    await switchToEnglish(page);

    await expect(english).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('group', { name: 'Language' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'System status' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Operational');
    await expect(page.getByRole('heading', { level: 2, name: 'Sign in' })).toBeVisible();
    await expect(page.getByText('Betriebsbereit')).toHaveCount(0);

    await german.click();

    await expect(page.getByRole('heading', { level: 1, name: 'Willkommen bei Wegweiser' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  });

  test('keeps the language choice out of browser storage', async ({ page }) => {
    await openStartPage(page);
    await switchToEnglish(page);

    const stored = await page.evaluate(() => localStorage.length + sessionStorage.length);
    expect(stored).toBe(0);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Willkommen bei Wegweiser' })).toBeVisible();
  });
});
