import { Locator, Page, expect, test } from '@playwright/test';
import { csrfToken, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/**
 * Issue 18, point 7 (rendering): user-entered text is shown isolated (`<bdi>` or `dir="auto"`), so a name in
 * Arabic script that ends in digits and a bracket cannot pull the text after it into its right-to-left run.
 * The client's name in Latin script here ends in `مريم 2)` and is followed on the same line by the name in the
 * original script: without isolation the browser would draw "أميرة" left of "مريم" (one right-to-left run).
 */

const ARABIC_WITH_DIGITS = 'مريم 2)';
const ORIGINAL = 'أميرة';

/** Whether the element (or an ancestor up to its line) isolates its text: a `<bdi>` or `dir="auto"`. */
async function isIsolated(element: Locator): Promise<boolean> {
  return element.evaluate((node) => node.closest('bdi, [dir="auto"]') !== null);
}

/** The element on the left, then the one after it: both on one line, the second starting where the first ends (or right of it). */
async function expectInLogicalOrder(first: Locator, after: Locator): Promise<void> {
  const [a, b] = [await first.boundingBox(), await after.boundingBox()];
  expect(a, 'first box').not.toBeNull();
  expect(b, 'second box').not.toBeNull();
  if (!a || !b) return;
  // Same line: the vertical ranges overlap.
  expect(b.y).toBeLessThan(a.y + a.height);
  expect(a.y).toBeLessThan(b.y + b.height);
  // Logical order in a left-to-right page: nothing of the second lies left of the end of the first.
  expect(b.x).toBeGreaterThanOrEqual(a.x + a.width - 1);
}

test.describe('User text is shown isolated', () => {
  let page: Page;
  let client: { id: string; caseNumber: string };

  test.beforeAll(async ({ browser }) => {
    page = await (await browser.newContext({ locale: 'de-DE', timezoneId: 'UTC' })).newPage();
    await signIn(page, DEMO_ACCOUNTS.manager);
    await expect(page).not.toHaveURL(/\/anmelden/);
    const created = await page.request.post('/api/clients', {
      headers: { 'X-CSRF-Token': await csrfToken(page.request) },
      data: {
        firstName: 'Bidi',
        lastName: ARABIC_WITH_DIGITS,
        firstNameOriginal: ORIGINAL,
        dateOfBirth: '1994-07-03',
        gender: 'female',
        countryOfOrigin: 'SY',
        nationalities: ['SY'],
        languagesSpoken: ['ar'],
      },
    });
    expect(created.status()).toBe(201);
    client = (await created.json()) as { id: string; caseNumber: string };
    // An audited change, so the timeline names who made it ("von Julia Neumann").
    const work = await page.request.post(`/api/clients/${client.id}/work-experience`, {
      headers: { 'X-CSRF-Token': await csrfToken(page.request) },
      data: { occupation: 'Schneiderin', years: 2 },
    });
    expect(work.ok()).toBe(true);
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  test('in the caseload list both names are isolated and the case number stays after the name', async () => {
    await page.goto('/fallbestand?mine=false');
    await expect(page.getByRole('heading', { level: 1, name: 'Mein Fallbestand' })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Suche' }).fill(client.caseNumber);
    const row = page.getByRole('table', { name: 'Klient:innen im Fallbestand' }).getByRole('row').filter({ hasText: client.caseNumber });
    await expect(row).toHaveCount(1);

    const latin = row.locator('.caseload__latin');
    const original = row.locator('.caseload__original');
    await expect(latin).toHaveText(`Bidi ${ARABIC_WITH_DIGITS}`);
    await expect(original).toHaveText(ORIGINAL);
    expect(await isIsolated(latin)).toBe(true);
    expect(await isIsolated(original)).toBe(true);
    // The list stacks the two names; the row goes on with the case number, right of the name.
    await expectInLogicalOrder(latin, row.getByRole('cell', { name: client.caseNumber, exact: true }));
    expect(await violations(page)).toEqual([]);
  });

  test('in the client file header the name is isolated, the original name stays after it, and axe finds nothing', async () => {
    await page.goto(`/klienten/${client.id}`);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toContainText(ARABIC_WITH_DIGITS);

    const latin = heading.getByText(`Bidi ${ARABIC_WITH_DIGITS}`, { exact: true });
    const original = heading.getByText(ORIGINAL, { exact: true });
    expect(await isIsolated(latin)).toBe(true);
    expect(await isIsolated(original)).toBe(true);
    await expectInLogicalOrder(latin, original);

    // "Name" in the overview: "Bidi مريم 2) (أميرة)": the bracket after the original name stays at the end of the line.
    const nameFact = page.locator('dd').filter({ hasText: ORIGINAL }).first();
    await expect(nameFact).toBeVisible();
    const isolatedParts = nameFact.locator('bdi');
    await expect(isolatedParts).toHaveText([`Bidi ${ARABIC_WITH_DIGITS}`, ORIGINAL]);
    await expectInLogicalOrder(isolatedParts.first(), isolatedParts.last());

    expect(await violations(page)).toEqual([]);

    // The order check can fail: with the <bdi>s replaced by plain text, the original name joins the right-to-left run
    // of the Latin one ("مريم 2) (أميرة") and is drawn left of its end.
    const joined = await nameFact.evaluate((fact) => {
      const texts = Array.from(fact.querySelectorAll('bdi')).map((part) => {
        const text = document.createTextNode(part.textContent ?? '');
        part.replaceWith(text);
        return text;
      });
      const [a, b] = texts.map((text) => {
        const range = document.createRange();
        range.selectNodeContents(text);
        return range.getBoundingClientRect();
      });
      return b.left < a.right - 1;
    });
    expect(joined).toBe(true);
  });

  test('a person’s name inside a translated sentence is its own isolated part, and the sentence reads unchanged', async () => {
    await page.goto(`/klienten/${client.id}/verlauf`);
    const timeline = page.getByRole('tabpanel', { name: 'Verlauf' });
    const entry = timeline.getByRole('listitem').filter({ hasText: 'von Julia Neumann' }).first();
    await expect(entry).toBeVisible();
    // The page text is the plain sentence (no control characters); the name sits in a <bdi>.
    const names = entry.locator('bdi').filter({ hasText: 'Julia Neumann' });
    await expect(names.first()).toHaveText('Julia Neumann');
    for (const name of await names.all()) expect(await isIsolated(name)).toBe(true);
    expect(await entry.innerText()).not.toMatch(/[\u2066-\u2069]/);
  });
});
