import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENSHOTS, csrfToken, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';
import { signInWithTotp } from './support/totp-accounts';

/**
 * A whole calendar year inside the demo data (periods come from the grid: a
 * quarter or a calendar year): DEMO_SEED 2026 spreads support starts over the
 * 48 months before 2026-11-01 (synthetic-data options), so 2025 holds far more
 * than k = 5 people.
 */
const PERIOD = { from: '2025-01-01', to: '2025-12-31' };

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
  test.setTimeout(150_000);
  await signIn(page, DEMO_ACCOUNTS.evaluator);
  await expect(page).toHaveURL(/\/auswertung$/);
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Auswertung' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Auswertung' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Bericht zusammenstellen' });
  await expect(form.getByRole('combobox', { name: 'Vorlage' })).toContainText('Jahresbericht für den Rat');
  // k is the municipality's policy: stated, not asked for.
  await expect(page.getByText('Geheimhaltungsschwelle k = 5 (festgelegt von der Administration)')).toBeVisible();
  await expect(page.getByRole('spinbutton')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Geheimhaltung' })).toHaveCount(0);
  await form.getByRole('combobox', { name: 'Quartal oder Jahr' }).click();
  await page.getByRole('option', { name: 'Jahr', exact: true }).click();
  await form.getByRole('combobox', { name: 'Jahr', exact: true }).click();
  await page.getByRole('option', { name: '2025', exact: true }).click();
  await expect(form.getByRole('combobox', { name: 'Quartal', exact: true })).toHaveCount(0);

  // What the API publishes for this period: the first table is asked for on the page.
  const published = await page.request.post('/api/evaluation/preview', {
    headers: { 'X-CSRF-Token': await csrfToken(page.request) },
    data: { template: 'annualCouncil', ...PERIOD },
  });
  expect(published.status(), await published.text()).toBe(200);
  const [table] = ((await published.json()) as { sections: { tables: PublishedTable[] }[] }).sections.flatMap((section) => section.tables);
  expect(table, 'a published table').toBeDefined();
  const [row] = table.rows;

  await form.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  // A year released after one of its quarters is audited together with it (an LP over both): a few seconds, with a
  // progress bar, on a machine that also runs the API e2e suite.
  await expect(page.getByRole('progressbar', { name: 'Vorschau wird erstellt …' }).or(page.getByRole('heading', { level: 2, name: /^Vorschau: / }))).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Vorschau: / })).toBeVisible({ timeout: 30_000 });
  const shown = page.getByRole('table', { name: table.title }).first();
  await expect(shown).toBeVisible();
  await expect(shown.getByRole('columnheader', { name: table.rowHeading, exact: true })).toBeVisible();
  const shownRow = shown.getByRole('row').filter({ has: page.getByRole('rowheader', { name: row.label, exact: true }) }).first();
  await expect(shownRow.getByRole('cell')).toHaveText(row.text);
  // "Kennzahlen auf einen Blick" when the report has key figures (the figure, this period, the previous year).
  const keyFigures = ((await published.json()) as { keyFigures: { label: string; text: string; previousText: string }[] }).keyFigures;
  if (keyFigures.length > 0) {
    const keys = page.getByRole('table', { name: 'Die wichtigsten Zahlen, neben denselben Zahlen des Vorjahres' });
    await expect(keys.getByRole('columnheader', { name: 'Kennzahl' })).toBeVisible();
    const first = keys.getByRole('row').filter({ has: page.getByRole('rowheader', { name: keyFigures[0].label, exact: true }) });
    await expect(first.getByRole('cell')).toHaveText([keyFigures[0].text, keyFigures[0].previousText]);
  }
  expect(await violations(page), 'axe on form and preview').toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'evaluation-preview.png'), fullPage: true });

  // "PDF erstellen": a determinate progress bar and a live status until the job is done.
  await page.evaluate(RECORD_JOB);
  await form.getByRole('button', { name: 'PDF erstellen' }).click();
  const job = page.getByRole('region', { name: 'Aktueller Bericht' });
  await expect(job.getByRole('status')).toHaveText('Der Bericht ist fertig.', { timeout: 90_000 });
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

test('the administrator sets k in "Geheimhaltung" (minimum 5), the change is stated and used; keyboard only, axe 0 at 1366 and 768', async ({ page }) => {
  test.setTimeout(120_000);
  await signInWithTotp(page, DEMO_ACCOUNTS.admin);
  await page.goto('/auswertung');
  await expect(page.getByRole('heading', { level: 1, name: 'Auswertung' })).toBeVisible();
  await expect(page.getByText('Geheimhaltungsschwelle k = 5 (festgelegt von der Administration)')).toBeVisible();
  const card = page.getByRole('region', { name: 'Geheimhaltung' });
  const field = card.getByRole('spinbutton', { name: 'Geheimhaltungsschwelle k' });
  await expect(field).toHaveValue('5');

  for (const viewport of [{ width: 1366, height: 768 }, { width: 768, height: 1024 }]) {
    await page.setViewportSize(viewport);
    expect(await violations(page), `axe at ${viewport.width}`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `no horizontal page scroll at ${viewport.width}`).toBeLessThanOrEqual(0);
  }

  // Below the minimum: the error is at the field and nothing is saved.
  await field.focus();
  await field.fill('4');
  await page.keyboard.press('Enter');
  await expect(card.getByText('Mindestens 5.')).toBeVisible();
  expect(((await (await page.request.get('/api/evaluation/policy')).json()) as { k: number }).k).toBe(5);

  // Saved with the keyboard, with feedback; the page states the new k, and a preview uses it.
  await field.fill('6');
  await page.keyboard.press('Enter');
  await expect(card.getByRole('status')).toHaveText('Gespeichert: k = 6 gilt ab sofort für alle Auswertungen.');
  await expect(page.getByText('Geheimhaltungsschwelle k = 6 (festgelegt von der Administration)')).toBeVisible();
  const form = page.getByRole('form', { name: 'Bericht zusammenstellen' });
  await form.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  // The first release at a new k is audited together with everything released at the old one (figures published at
  // k = 5 that are below 6 are narrow in the ledger alone and cost an LP each): seconds, behind the progress bar.
  await expect(page.getByRole('progressbar', { name: 'Vorschau wird erstellt …' }).or(page.locator('ww-report-preview'))).toBeVisible();
  await expect(page.locator('ww-report-preview')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('ww-report-preview dl > div').filter({ hasText: 'Schwellenwert k' }).locator('dd')).toHaveText('6');
  expect(await violations(page), 'axe after saving').toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'evaluation-policy.png'), fullPage: true });

  // Back to the default for the other specs of this run.
  await field.fill('5');
  await page.keyboard.press('Enter');
  await expect(card.getByRole('status')).toHaveText('Gespeichert: k = 5 gilt ab sofort für alle Auswertungen.');
});
