import { expect, test } from '@playwright/test';
import { openStartPage, switchToEnglish } from './support/start-page';
import { violations } from './support/clients';

test.describe('accessibility (axe, WCAG 2.1 A/AA)', () => {
  test('the start page in German has no violations', async ({ page }) => {
    await openStartPage(page);

    expect(await violations(page)).toEqual([]);
  });

  test('the start page in English has no violations', async ({ page }) => {
    await openStartPage(page);
    await switchToEnglish(page);

    expect(await violations(page)).toEqual([]);
  });
});
