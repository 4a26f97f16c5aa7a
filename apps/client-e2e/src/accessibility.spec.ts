import AxeBuilder from '@axe-core/playwright';
import { Page, expect, test } from '@playwright/test';
import { openStartPage, switchToEnglish } from './support/start-page';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}

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
