import { expect, test } from '@playwright/test';
import { openStartPage, switchToEnglish } from './support/start-page';

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

test.describe('served under a strict Content-Security-Policy', () => {
  test('the page carries a CSP header and still renders', async ({ page }) => {
    const response = await page.goto('/');

    expect(response?.status()).toBe(200);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-eval');
    await expect(page.getByRole('heading', { level: 1, name: 'Willkommen bei Wegweiser' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Betriebsbereit');
  });

  test('loading and switching the language cause no console errors and no CSP violations', async ({ page }) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      // Signed out, GET /api/auth/me answers 401 on start (the client then fetches an anonymous CSRF token);
      // Chromium logs every 4xx resource as a console error. Anything else counts.
      const signedOutCheck = message.location().url.endsWith('/api/auth/me') && message.text().includes('401');
      if (message.type() === 'error' && !signedOutCheck) {
        problems.push(`console: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.cspViolations?.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`);
      });
    });

    await openStartPage(page);
    await switchToEnglish(page);

    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
