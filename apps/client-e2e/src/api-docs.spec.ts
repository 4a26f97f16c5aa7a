import { expect, test } from '@playwright/test';

declare global {
  interface Window {
    docsCspViolations?: string[];
  }
}

test('the OpenAPI UI at /api/docs renders under the CSP and lists the health routes', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript(() => {
    window.docsCspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.docsCspViolations?.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });

  await page.goto('/api/docs');

  await expect(page.getByRole('heading', { name: /Wegweiser API/ })).toBeVisible();
  await expect(page.getByText('/api/health/ready')).toBeVisible();
  expect(await page.evaluate(() => window.docsCspViolations)).toEqual([]);
  expect(problems).toEqual([]);
});
