import { Page, expect, test } from '@playwright/test';
import type { FundingReportResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { readSheet } from 'read-excel-file/node';
import { settleAnimations, signInViaApi, violations } from './support/clients';
import { DEMO_ACCOUNTS } from './support/sign-in';
import { signInWithTotp } from './support/totp-accounts';

/** The page fits the viewport (polled: after a resize the shell's breakpoint layout applies a moment later). */
async function noHorizontalScroll(page: Page): Promise<void> {
  await settleAnimations(page);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await expect.poll(overflow, { message: 'no horizontal page scroll', timeout: 5_000 }).toBeLessThanOrEqual(0);
}

/**
 * Issue 19, the funder's Verwendungsnachweis: the administrator opens it from the navigation, picks a year, sees the
 * figures per manager in tables, downloads the XLSX and reads it back; axe finds nothing at 1366×768 and 768×1024
 * and the page never scrolls sideways (the wide tables scroll inside their own region).
 */
test('the administrator shows the figures of a year and downloads the spreadsheet', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInWithTotp(page, DEMO_ACCOUNTS.admin);
  await expect(page).toHaveURL(/\/verwaltung\/benutzer$/);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Verwendungsnachweis' }).click();
  await expect(page).toHaveURL(/\/verwendungsnachweis$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Verwendungsnachweis' })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  // Keyboard: the kind of period, the year, then "Zahlen anzeigen".
  await page.getByRole('combobox', { name: 'Art des Zeitraums' }).selectOption({ label: 'Kalenderjahr' });
  const year = page.getByRole('spinbutton', { name: 'Jahr' });
  await year.fill('2026');
  await year.focus();
  const answer = page.waitForResponse((r) => r.url().includes('/api/funding-report?from=2026-01-01&to=2026-12-31'));
  await page.keyboard.press('Enter');
  expect((await answer).status()).toBe(200);
  // The same figures through the page's session (Chromium does not always keep the body of a page's response).
  const report = (await (await page.request.get('/api/funding-report?from=2026-01-01&to=2026-12-31')).json()) as FundingReportResponse;
  expect(report.managers.length).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { level: 2, name: /Zahlen vom 01\.01\.2026 bis 31\.12\.2026/ })).toBeVisible();

  const persons = page.getByRole('table', { name: 'Beratene Personen' });
  const first = report.managers[0];
  await expect(persons.getByRole('columnheader', { name: 'Insgesamt' })).toBeVisible();
  if (first?.kind === 'manager') await expect(persons.getByRole('columnheader', { name: first.name })).toBeVisible();
  const totalRow = persons.getByRole('row', { name: /^Beratene Personen insgesamt/ });
  const persons0 = report.total.figures.personsNew + report.total.figures.personsOngoing;
  await expect(totalRow.getByRole('cell').last()).toHaveText(String(persons0));
  await expect(page.getByRole('table', { name: 'Qualität der Integrationsplanung' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await noHorizontalScroll(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tabelle herunterladen (XLSX)' }).click()]);
  expect(download.suggestedFilename()).toBe('verwendungsnachweis-2026.xlsx');
  const sheet = await readSheet(readFileSync(await download.path()), 'Auswertung Zeitraum');
  const header = sheet.find((r) => r[0] === 'Kennzahl') ?? [];
  expect(header[header.length - 1]).toBe('Insgesamt');
  const row = sheet.find((r) => r[0] === 'Beratene Personen insgesamt') ?? [];
  expect(row[row.length - 1]).toBe(persons0);
  expect(row[row.length - 1]).toBe(report.total.figures.personsNew + report.total.figures.personsOngoing);
  const conversations = sheet.find((r) => r[0] === 'Beratungsgespräche insgesamt') ?? [];
  expect(conversations[conversations.length - 1]).toBe(report.total.figures.conversations);

  await page.setViewportSize({ width: 768, height: 1024 });
  await expect(page.getByRole('table', { name: 'Beratene Personen' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await noHorizontalScroll(page);
});

test('the Verwendungsnachweis is not offered to the evaluator, and its API answers 403', async ({ page }) => {
  await signInViaApi(page.request, DEMO_ACCOUNTS.evaluator);
  await page.goto('/verwendungsnachweis');
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Auswertung' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Verwendungsnachweis' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Verwendungsnachweis' })).toHaveCount(0);
  expect((await page.request.get('/api/funding-report?from=2026-01-01&to=2026-03-31')).status()).toBe(403);
});
