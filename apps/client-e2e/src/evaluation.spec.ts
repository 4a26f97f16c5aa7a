import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENSHOTS, csrfToken, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/**
 * A wide support-start period inside the demo data: DEMO_SEED 2026 spreads
 * support starts over the 48 months before 2026-11-01 (synthetic-data
 * options), so three full years hold far more than k = 5 people.
 */
const PERIOD = { from: '2023-01-01', to: '2025-12-31' };

interface PublishedTable {
  title: string;
  rowHeading: string;
  rows: { label: string; text: string[] }[];
}

/** Records the report's status text and the progress bar's value whenever either changes. */
const RECORD_JOB = () => {
  const trace: string[] = [];
  (window as unknown as { reportTrace: string[] }).reportTrace = trace;
  const record = () => {
    const status = document.querySelector('ww-report-job [role="status"]')?.textContent?.trim() ?? '';
    const value = document.querySelector('ww-report-job [role="progressbar"]')?.getAttribute('aria-valuenow') ?? '';
    const entry = `${status}|${value}`;
    if (status && trace[trace.length - 1] !== entry) trace.push(entry);
  };
  new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-valuenow'] });
};

test('an evaluator previews the annual report, builds the PDF with progress and downloads it', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, DEMO_ACCOUNTS.evaluator);
  await expect(page).toHaveURL(/\/auswertung$/);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Auswertung' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Auswertung' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Bericht zusammenstellen' });
  await expect(form.getByRole('combobox', { name: 'Vorlage' })).toContainText('Jahresbericht für den Rat');
  await expect(form.getByRole('spinbutton', { name: 'Schwellenwert k' })).toHaveValue('5');
  await form.getByLabel('von', { exact: true }).fill(PERIOD.from);
  await form.getByLabel('bis', { exact: true }).fill(PERIOD.to);

  // What the API publishes for this period: the first table is asked for on the page.
  const published = await page.request.post('/api/evaluation/preview', {
    headers: { 'X-CSRF-Token': await csrfToken(page.request) },
    data: { template: 'annualCouncil', ...PERIOD, k: 5 },
  });
  expect(published.status(), await published.text()).toBe(200);
  const [table] = ((await published.json()) as { sections: { tables: PublishedTable[] }[] }).sections.flatMap((section) => section.tables);
  expect(table, 'a published table').toBeDefined();
  const [row] = table.rows;

  await form.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Vorschau: / })).toBeVisible();
  const shown = page.getByRole('table', { name: table.title }).first();
  await expect(shown).toBeVisible();
  await expect(shown.getByRole('columnheader', { name: table.rowHeading, exact: true })).toBeVisible();
  const shownRow = shown.getByRole('row').filter({ has: page.getByRole('rowheader', { name: row.label, exact: true }) }).first();
  await expect(shownRow.getByRole('cell')).toHaveText(row.text);
  expect(await violations(page), 'axe on form and preview').toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'evaluation-preview.png'), fullPage: true });

  // "PDF erstellen": a determinate progress bar and a live status until the job is done.
  await page.evaluate(RECORD_JOB);
  await form.getByRole('button', { name: 'PDF erstellen' }).click();
  const job = page.getByRole('region', { name: 'Aktueller Bericht' });
  await expect(job.getByRole('status')).toHaveText('Der Bericht ist fertig.', { timeout: 60_000 });
  await expect(job.getByRole('progressbar')).toHaveCount(0);
  const trace = await page.evaluate(() => (window as unknown as { reportTrace: string[] }).reportTrace);
  test.info().annotations.push({ type: 'status sequence', description: trace.join(' → ') });
  expect(trace.length, trace.join(' → ')).toBeGreaterThanOrEqual(2);
  expect(trace[0], 'first state: a percentage in the status and on the progress bar').toMatch(/^Bericht (wartet auf Bearbeitung|wird erstellt) … (\d+) %\|\2$/);
  expect(trace.at(-1)).toBe('Der Bericht ist fertig.|');

  const [file] = await Promise.all([page.waitForEvent('download'), job.getByRole('button', { name: /^PDF herunterladen/ }).click()]);
  expect((await readFile(await file.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(job.getByRole('button', { name: 'CSV' })).toBeVisible();
  await expect(job.getByRole('button', { name: 'JSON' })).toBeVisible();

  const mine = page.getByRole('region', { name: 'Meine Berichte' });
  await expect(mine.getByRole('row').nth(1)).toContainText('Jahresbericht für den Rat');
  await expect(mine.getByRole('row').nth(1)).toContainText('fertig');
  expect(await violations(page), 'axe on the finished report').toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'evaluation-report-done.png'), fullPage: true });
});
