import { expect, test } from '@playwright/test';
import { pdfText } from '@wegweiser/shared/pdf-testing';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/** A browser east of UTC: a date taken as local midnight and shown in UTC would read one day early ("31.12.2024"). */
test.use({ timezoneId: 'Europe/Berlin' });

test('the period entered is the period shown in the preview, the reports list and the PDF; the file has a German name', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO_ACCOUNTS.evaluator);
  await expect(page).toHaveURL(/\/auswertung$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Auswertung' })).toBeVisible();
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Europe/Berlin');

  const form = page.getByRole('form', { name: 'Bericht zusammenstellen' });
  await expect(form.getByRole('combobox', { name: 'Vorlage' })).toContainText('Jahresbericht für den Rat');
  await form.getByLabel('von', { exact: true }).fill('2025-01-01');
  await form.getByLabel('bis', { exact: true }).fill('2025-12-31');

  // The preview.
  await form.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Vorschau: / })).toBeVisible();
  await expect(page.locator('ww-report-preview')).toContainText('01.01.2025 bis 31.12.2025');
  await expect(page.locator('ww-report-preview')).not.toContainText('31.12.2024');

  // The report job, then the list of reports.
  await form.getByRole('button', { name: 'PDF erstellen' }).click();
  const job = page.getByRole('region', { name: 'Aktueller Bericht' });
  await expect(job.getByRole('status')).toHaveText('Der Bericht ist fertig.', { timeout: 90_000 });
  await expect(job).toContainText('01.01.2025 bis 31.12.2025');
  const mine = page.getByRole('region', { name: 'Meine Berichte' });
  const row = mine.getByRole('row').nth(1);
  await expect(row).toContainText('Jahresbericht für den Rat');
  await expect(row).toContainText('01.01.2025 bis 31.12.2025');
  await expect(mine).not.toContainText('30.12.2025');

  // Stored as entered.
  const stored = (await (await page.request.get('/api/evaluation/reports')).json()) as { items: { from: string; to: string }[] };
  expect(stored.items[0]).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });

  // The PDF: German file name, the period as entered.
  const [download] = await Promise.all([page.waitForEvent('download'), job.getByRole('button', { name: /^PDF herunterladen/ }).click()]);
  expect(download.suggestedFilename()).toBe('evaluationsbericht-jahresbericht-2025.pdf');
  const text = pdfText(await download.path());
  expect(text).toContain('Betreuungsbeginn vom 01.01.2025 bis 31.12.2025');
  expect(text).not.toContain('31.12.2024');

  const [csv] = await Promise.all([page.waitForEvent('download'), job.getByRole('button', { name: 'CSV' }).click()]);
  expect(csv.suggestedFilename()).toBe('evaluationsbericht-jahresbericht-2025.csv');
});
