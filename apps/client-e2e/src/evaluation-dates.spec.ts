import { expect, test } from '@playwright/test';
import { pdfText } from '@wegweiser/shared/pdf-testing';
import { csrfToken } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/** A browser east of UTC: a date taken as local midnight and shown in UTC would read one day early ("31.12.2024"). */
test.use({ timezoneId: 'Europe/Berlin' });

/**
 * Periods come from a fixed grid (issue 19): a quarter or a calendar year, chosen with selects (keyboard only
 * here). The period chosen is the period shown in the preview, the reports list and the PDF; the file has a
 * German name; a period off the grid is refused by the API.
 */
test('a quarter chosen with the keyboard is the period shown in the preview, the reports list and the PDF; the file has a German name', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO_ACCOUNTS.evaluator);
  await expect(page).toHaveURL(/\/auswertung$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Auswertung' })).toBeVisible();
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Europe/Berlin');

  const form = page.getByRole('form', { name: 'Bericht zusammenstellen' });
  await expect(form.getByRole('combobox', { name: 'Vorlage' })).toContainText('Jahresbericht für den Rat');
  // The default: the last complete quarter.
  const today = new Date();
  const current = Math.floor(today.getUTCMonth() / 3) + 1;
  const last = current === 1 ? { year: today.getUTCFullYear() - 1, quarter: 4 } : { year: today.getUTCFullYear(), quarter: current - 1 };
  await expect(form.getByRole('combobox', { name: 'Quartal oder Jahr' })).toContainText('Quartal');
  await expect(form.getByRole('combobox', { name: 'Jahr', exact: true })).toContainText(String(last.year));
  await expect(form.getByRole('combobox', { name: 'Quartal', exact: true })).toContainText(`${last.quarter}. Quartal`);

  // 2025, first quarter — with the keyboard only (a select opens with Enter; arrow keys, Home and End move).
  const year = form.getByRole('combobox', { name: 'Jahr', exact: true });
  await year.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('option', { name: String(last.year), exact: true })).toHaveAttribute('aria-selected', 'true');
  for (let y = last.year; y > 2025; y--) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(year).toContainText('2025');
  const quarter = form.getByRole('combobox', { name: 'Quartal', exact: true });
  await quarter.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('option', { name: '1. Quartal (Jan.–März)' })).toBeVisible();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(quarter).toContainText('1. Quartal');

  // The preview.
  await form.getByRole('button', { name: 'Vorschau anzeigen' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /^Vorschau: / })).toBeVisible();
  await expect(page.locator('ww-report-preview')).toContainText('01.01.2025 bis 31.03.2025');
  await expect(page.locator('ww-report-preview')).not.toContainText('31.12.2024');

  // The report job, then the list of reports.
  await form.getByRole('button', { name: 'PDF erstellen' }).click();
  const job = page.getByRole('region', { name: 'Aktueller Bericht' });
  await expect(job.getByRole('status')).toHaveText('Der Bericht ist fertig.', { timeout: 90_000 });
  await expect(job).toContainText('01.01.2025 bis 31.03.2025');
  const mine = page.getByRole('region', { name: 'Meine Berichte' });
  const row = mine.getByRole('row').nth(1);
  await expect(row).toContainText('Jahresbericht für den Rat');
  await expect(row).toContainText('01.01.2025 bis 31.03.2025');

  // Stored as chosen.
  const stored = (await (await page.request.get('/api/evaluation/reports')).json()) as { items: { from: string; to: string; k: number }[] };
  expect(stored.items[0]).toMatchObject({ from: '2025-01-01', to: '2025-03-31', k: 5 });

  // The PDF: German file name, the period as chosen.
  const [download] = await Promise.all([page.waitForEvent('download'), job.getByRole('button', { name: /^PDF herunterladen/ }).click()]);
  expect(download.suggestedFilename()).toBe('evaluationsbericht-jahresbericht-2025-Q1.pdf');
  const text = pdfText(await download.path());
  expect(text).toContain('Betreuungsbeginn vom 01.01.2025 bis 31.03.2025');
  expect(text).not.toContain('31.12.2024');

  // Off the grid (half a year) or with a k of its own, the API refuses the request.
  const headers = { 'X-CSRF-Token': await csrfToken(page.request) };
  const half = await page.request.post('/api/evaluation/preview', { headers, data: { template: 'annualCouncil', from: '2025-01-01', to: '2025-06-30' } });
  expect(half.status()).toBe(400);
  expect(((await half.json()) as { errors: Record<string, string> }).errors).toEqual({ to: 'notOnPeriodGrid' });
  const withK = await page.request.post('/api/evaluation/preview', { headers, data: { template: 'annualCouncil', from: '2025-01-01', to: '2025-03-31', k: 3 } });
  expect(withK.status()).toBe(400);
});
