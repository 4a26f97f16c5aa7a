import { Page, expect } from '@playwright/test';

/** Opens the start page and waits until the system status has been checked. */
export async function openStartPage(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Willkommen bei Wegweiser' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Betriebsbereit');
}

export async function switchToEnglish(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'Sprache' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Wegweiser' })).toBeVisible();
}
