import { Browser, Locator, Page, expect, test } from '@playwright/test';
import { ClientSummary, listClients, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const DESKTOP = { width: 1366, height: 768 };
const TABLET = { width: 768, height: 1024 };

/** Issue 16, acceptance 5, 9, 10 and 11 for conversations: corrections with a trace, and names instead of user ids. */
test.describe.configure({ mode: 'serial' });

const run = Date.now().toString(36);
const ORIGINAL = `Erstfassung ${run}: Sprachkurs A2 besprochen.`;
const CORRECTED = `Korrektur ${run}: Sprachkurs B1 ab April besprochen.`;
/** The manager's client the conversation is recorded for (one far down her list, so other specs' clients stay as they are). */
let client: ClientSummary;

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'UTC', viewport: DESKTOP });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/anmelden/);
  return page;
}

async function myId(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/auth/me')).json()) as { me: { id: string } }).me.id;
}

/** Presses Tab (only the keyboard) until `target` has the focus. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((node) => node === document.activeElement || node.contains(document.activeElement))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach ${target.toString()} in ${max} steps`);
}

/**
 * How far the page reaches beyond the viewport, in px: the document's own width and the page's content (`main`,
 * with everything in it that is not clipped); above 0 the document scrolls sideways.
 */
async function contentOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    if (!main) return Number.POSITIVE_INFINITY;
    const right = main.getBoundingClientRect().left + Math.max(main.scrollWidth, main.getBoundingClientRect().width);
    return Math.max(0, Math.ceil(right - window.innerWidth), document.documentElement.scrollWidth - window.innerWidth);
  });
}

/** axe at the desktop and the tablet size, and nothing of the content wider than the tablet. */
async function accessibleAtBothSizes(page: Page, what: string): Promise<void> {
  await page.setViewportSize(DESKTOP);
  expect(await violations(page), `axe: ${what} at 1366 × 768`).toEqual([]);
  await page.setViewportSize(TABLET);
  expect(await violations(page), `axe: ${what} at 768 × 1024`).toEqual([]);
  expect(await contentOverflow(page), `${what}: the content fits into 768 px`).toBe(0);
  await page.setViewportSize(DESKTOP);
}

test('keyboard only: the manager records a conversation and corrects it as its author; the list says "bearbeitet" and names her', async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await signedIn(browser, DEMO_ACCOUNTS.manager);
  const clients = await listClients(page.request, `&state=active&managerId=${await myId(page)}`);
  client = clients[clients.length - 1] as ClientSummary;
  expect(client).toBeDefined();

  // Record (keyboard only): the form's defaults, a topic, the note, Ctrl+Enter.
  await page.goto(`/klienten/${client.id}/gespraech-neu`);
  await expect(page.getByRole('heading', { level: 1, name: 'Gespräch dokumentieren' })).toBeVisible();
  const topics = page.getByRole('listbox', { name: 'Themen' });
  await tabTo(page, topics);
  await page.keyboard.press('Space');
  await expect(topics.getByRole('option', { selected: true })).toHaveCount(1);
  await tabTo(page, page.getByRole('textbox', { name: 'Gesprächsnotiz' }));
  await page.keyboard.type(ORIGINAL);
  await page.keyboard.press('Control+Enter');
  await expect(page).toHaveURL(new RegExp(`/klienten/${client.id}/verlauf$`));

  // The list: the entry names its author.
  await page.goto(`/klienten/${client.id}/gespraeche`);
  const entry = page.getByRole('tabpanel', { name: 'Gespräche' }).getByRole('listitem').filter({ hasText: run });
  await expect(entry).toContainText(ORIGINAL);
  await expect(entry).toContainText('Erfasst von Julia Neumann');
  await expect(entry).not.toContainText('bearbeitet');

  // Correct (keyboard only): the entry's "Korrigieren", the note replaced, a second topic, Ctrl+Enter.
  const correct = entry.getByRole('link', { name: 'Korrigieren' });
  await tabTo(page, correct, 200);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/klienten/${client.id}/gespraech/[0-9a-f-]+/korrigieren$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Gespräch korrigieren' })).toBeVisible();
  const note = page.getByRole('textbox', { name: 'Gesprächsnotiz' });
  await expect(note).toHaveValue(ORIGINAL);
  await accessibleAtBothSizes(page, 'the correction form');
  const topicsAgain = page.getByRole('listbox', { name: 'Themen' });
  await tabTo(page, topicsAgain);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(topicsAgain.getByRole('option', { selected: true })).toHaveCount(2);
  await tabTo(page, note);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(CORRECTED);
  await page.keyboard.press('Control+Enter');

  // Back in the list: focus on the corrected entry, which says "bearbeitet am ... von Julia Neumann".
  await expect(page).toHaveURL(new RegExp(`/klienten/${client.id}/gespraeche$`));
  await expect(page.getByText('Korrektur gespeichert')).toBeVisible();
  const corrected = page.getByRole('tabpanel', { name: 'Gespräche' }).getByRole('listitem').filter({ hasText: CORRECTED });
  await expect(corrected).toBeFocused();
  await expect(corrected).toContainText(/bearbeitet am .+ von Julia Neumann/);
  await expect(corrected).toContainText('Erfasst von Julia Neumann');
  await expect(corrected).not.toContainText(ORIGINAL);

  // The timeline names who recorded and who corrected it.
  await page.goto(`/klienten/${client.id}/verlauf`);
  const timeline = page.getByRole('tabpanel', { name: 'Verlauf' });
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Gespräch korrigiert' }).first()).toContainText('von Julia Neumann');
  await page.context().close();
});

test('the team lead sees the earlier version of the corrected conversation (second browser context)', async ({ browser }) => {
  test.setTimeout(45_000);
  expect(client, 'the first test recorded and corrected a conversation').toBeDefined();
  const page = await signedIn(browser, DEMO_ACCOUNTS.teamLead);
  await page.goto(`/klienten/${client.id}/gespraeche`);
  const entry = page.getByRole('tabpanel', { name: 'Gespräche' }).getByRole('listitem').filter({ hasText: CORRECTED });
  await expect(entry).toContainText(/bearbeitet am .+ von Julia Neumann/);
  const toggle = entry.getByRole('button', { name: 'Frühere Fassungen anzeigen' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(entry.getByRole('button', { name: 'Frühere Fassungen ausblenden' })).toHaveAttribute('aria-expanded', 'true');
  const earlier = entry.getByRole('region', { name: 'Frühere Fassungen' });
  await expect(earlier).toContainText(ORIGINAL);
  await expect(earlier).toContainText('Fassung 1');
  await expect(earlier).toContainText(/ersetzt am .+ von Julia Neumann/);
  await accessibleAtBothSizes(page, 'the earlier versions');
  await page.context().close();
});

test('the file header, the timeline and the conversation list show names, never a user id', async ({ browser }) => {
  test.setTimeout(45_000);
  const page = await signedIn(browser, DEMO_ACCOUNTS.manager);
  // A demo client of the manager with several conversations (read only).
  const clients = await listClients(page.request, `&state=active&managerId=${await myId(page)}`);
  let chosen: ClientSummary | undefined;
  for (const candidate of clients.slice(0, 20)) {
    const conversations = (await (await page.request.get(`/api/clients/${candidate.id}/conversations`)).json()) as unknown[];
    if (conversations.length >= 3) {
      chosen = candidate;
      break;
    }
  }
  expect(chosen, 'a demo client with at least three conversations').toBeDefined();
  const id = (chosen as ClientSummary).id;

  const text = () => page.evaluate(() => document.body.innerText);
  await page.goto(`/klienten/${id}/ueberblick`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('dt', { hasText: /^Verantwortlich$/ }).locator('xpath=following-sibling::dd')).toHaveText('Julia Neumann');
  expect(await text()).not.toMatch(UUID);

  await page.goto(`/klienten/${id}/verlauf`);
  const timeline = page.getByRole('tabpanel', { name: 'Verlauf' });
  await expect(timeline.getByText('Verlauf wird geladen …')).toHaveCount(0);
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Gespräch' }).first()).toContainText(/von \p{Lu}\p{Ll}+ \p{Lu}/u);
  expect(await text()).not.toMatch(UUID);

  await page.goto(`/klienten/${id}/gespraeche`);
  const entries = page.getByRole('tabpanel', { name: 'Gespräche' }).getByRole('listitem');
  await expect(entries.first()).toContainText('Erfasst von');
  expect(await entries.count()).toBeGreaterThanOrEqual(3);
  for (const entry of await entries.all()) await expect(entry).toContainText(/Erfasst von \p{Lu}\p{Ll}+ \p{Lu}/u);
  expect(await text()).not.toMatch(UUID);
  await page.context().close();
});
