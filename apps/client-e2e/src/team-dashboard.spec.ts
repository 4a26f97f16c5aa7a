import { expect, Page, test } from '@playwright/test';
import { join } from 'node:path';
import { SCREENSHOTS, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/** The bar colour of "windows ending" (dashboard-charts.ts). */
const BAR_COLOUR = '#3f51b5';

/**
 * Records the rectangles Chart.js fills per canvas (a bar is a rect path,
 * filled after its colour is set), since the last clear of the canvas: the
 * bars of the last drawn frame, in CSS pixels of the canvas. Chart.js is
 * bundled as a module, so there is no global `Chart.getChart` to ask; this
 * reads what was drawn instead.
 */
const RECORD_BARS = () => {
  type Bar = { x: number; y: number; w: number; h: number; fill: string };
  type Recorded = HTMLCanvasElement & { __bars?: Bar[]; __pending?: Omit<Bar, 'fill'>[] };
  const proto = CanvasRenderingContext2D.prototype;
  const { beginPath, rect, fill, clearRect } = proto;
  proto.beginPath = function (this: CanvasRenderingContext2D) {
    (this.canvas as Recorded).__pending = [];
    return beginPath.call(this);
  };
  proto.rect = function (this: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) {
    ((this.canvas as Recorded).__pending ??= []).push({ x, y, w, h });
    return rect.call(this, x, y, w, h);
  };
  proto.fill = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
    const canvas = this.canvas as Recorded;
    for (const r of canvas.__pending ?? []) (canvas.__bars ??= []).push({ ...r, fill: String(this.fillStyle) });
    canvas.__pending = [];
    return (fill as (...a: unknown[]) => void).apply(this, args);
  };
  proto.clearRect = function (this: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) {
    (this.canvas as Recorded).__bars = [];
    return clearRect.call(this, x, y, w, h);
  };
};

/** Centres (page pixels) of the bars of `colour` in the canvas, left to right. */
async function barCentres(page: Page, chartName: RegExp, colour: string): Promise<{ x: number; y: number }[]> {
  const canvas = page.getByRole('img', { name: chartName });
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('chart not visible');
  const bars = await canvas.evaluate((element, fill) => {
    const recorded = (element as HTMLCanvasElement & { __bars?: { x: number; y: number; w: number; h: number; fill: string }[] }).__bars ?? [];
    return recorded.filter((bar) => bar.fill.toLowerCase() === fill && bar.w > 0).map((bar) => ({ x: bar.x + bar.w / 2, y: bar.y + bar.h / 2, h: bar.h }));
  }, colour);
  return bars.sort((a, b) => a.x - b.x).map((bar) => ({ x: box.x + bar.x, y: box.y + bar.y }));
}

const MONTH = /endet am (\d{2})\.(\d{2})\.(\d{4})/;

test('a team lead clicks next month in "windows ending" and lands on the filtered caseload', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  await page.addInitScript(RECORD_BARS);
  // Chart.js under the strict CSP: no violations, no script errors.
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const seen = ((window as unknown as { dashboardCsp?: string[] }).dashboardCsp ??= []);
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  await signIn(page, DEMO_ACCOUNTS.teamLead);
  await expect(page).not.toHaveURL(/\/anmelden/);

  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Team-Übersicht' }).click();
  await expect(page).toHaveURL(/\/team$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Team-Übersicht' })).toBeVisible();
  const chartName = /Betreuungszeitraum endet, je Monat/;
  await expect(page.getByRole('img', { name: chartName })).toBeVisible();

  // The figures are kept up to a minute (another test of this run may have opened the page): computed now.
  await expect(page.getByText(/^Stand: .+ Uhr \(höchstens eine Minute alt\)$/)).toBeVisible();
  const refreshed = page.waitForResponse((r) => r.url().includes('/api/team/dashboard') && r.url().includes('refresh=true'));
  await page.getByRole('button', { name: 'Aktualisieren' }).click();
  expect((await refreshed).status()).toBe(200);

  // The figures as the API computed them (just now, answered from the cache): the month names and counts of the 12 bars.
  const { windowsEnding } = (await (await page.request.get('/api/team/dashboard')).json()) as {
    windowsEnding: { month: string; from: string; before: string; clients: number }[];
  };
  expect(windowsEnding).toHaveLength(12);
  // Next month is the second bar; the demo data has clients there (else the first non-empty month after it is taken).
  const index = windowsEnding.findIndex((w, i) => i >= 1 && w.clients > 0);
  expect(index, 'a month with clients whose window ends').toBeGreaterThan(0);
  test.info().annotations.push({ type: 'month', description: `${windowsEnding[index]?.month} (${index === 1 ? 'next month' : 'first non-empty month after next'})` });
  const month = windowsEnding[index];
  if (!month) throw new Error('no month');

  // The same number in the chart's table, a link a keyboard user reaches.
  const windows = page.getByRole('region', { name: 'Betreuungszeiträume, die enden – je Monat' });
  await windows.getByText('Zahlen als Tabelle').click();
  const monthName = new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month.from}T00:00:00Z`));
  await expect(windows.getByRole('row').filter({ hasText: monthName }).getByRole('link')).toHaveText(String(month.clients));

  expect(await violations(page), 'axe on the dashboard').toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { dashboardCsp?: string[] }).dashboardCsp ?? [])).toEqual([]);
  expect(problems).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'team-dashboard.png'), fullPage: true });

  // Let the bars finish growing (one per month, empty months drawn flat), then click the month's bar where it is drawn.
  await expect.poll(async () => (await barCentres(page, chartName, BAR_COLOUR)).length, { timeout: 10_000 }).toBe(12);
  await page.waitForTimeout(1200);
  const bar = (await barCentres(page, chartName, BAR_COLOUR))[index];
  if (!bar) throw new Error(`no bar drawn for month ${month.month}`);
  await page.mouse.click(bar.x, bar.y);

  // The caseload, filtered to that month of open cases.
  await expect(page).toHaveURL(/\/fallbestand\?/);
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toEqual({ windowEndsAfter: month.from, windowEndsBefore: month.before, openCases: 'true', sort: 'windowEnd' });
  const found = month.clients === 1 ? '1 Klient:in gefunden' : `${month.clients} Klient:innen gefunden`;
  await expect(page.getByRole('status').filter({ hasText: /Klient:(in|innen) gefunden/ })).toHaveText(new RegExp(`^\\s*${found}`));
  await expect(page.getByText('Weitere Filter aus der Team-Übersicht')).toBeVisible();
  await expect(page.getByLabel('Betreuungszeitraum endet vor')).toHaveValue(month.before);

  const rows = page.getByRole('row').filter({ hasText: 'endet am' });
  await expect(rows).toHaveCount(Math.min(month.clients, 50));
  const [year, monthNumber] = month.month.split('-');
  for (const text of await rows.allTextContents()) {
    const [, , mm, yyyy] = MONTH.exec(text) ?? [];
    expect({ text: text.slice(0, 80), month: `${yyyy}-${mm}` }).toEqual({ text: text.slice(0, 80), month: `${year}-${monthNumber}` });
  }
  await context.close();
});
