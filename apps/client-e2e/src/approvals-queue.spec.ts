import { berlinDay } from './support/calendar';
import { APIRequestContext, Browser, Locator, Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { SCREENSHOTS, csrfToken, listClients, settleAnimations, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/** `YYYY-MM-DD` (UTC, as the browser's time zone) today. */
const today = () => berlinDay();
/** Unique per run, so that a rerun on the same data finds this run's reminder only. */
const COMMENT = `Bitte beim Arbeitsziel einen Termin beim Jobcenter als Schritt ergänzen (Durchlauf ${Date.now() % 1_000_000}).`;
const GOAL = 'Praktikum im Einzelhandel finden';

interface WaitingPlan {
  id: string;
  name: string;
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'UTC' });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/anmelden/);
  return page;
}

/** The manager's own active client at `index` (this spec's: 13 and 14) with a goal, agreed today and submitted for sign-off. */
async function submittedPlan(request: APIRequestContext, index: number): Promise<WaitingPlan> {
  const { me } = (await (await request.get('/api/auth/me')).json()) as { me: { id: string } };
  const client = (await listClients(request, `&state=active&managerId=${me.id}`))[index];
  expect(client, `own active client #${index}`).toBeDefined();
  const plan = (await (await request.get(`/api/clients/${client.id}/plan`)).json()) as { supportWindowEnd: string };
  const headers = { 'X-CSRF-Token': await csrfToken(request) };
  const goal = await request.post(`/api/clients/${client.id}/plan/goals`, { headers, data: { fieldOfAction: 'work', target: GOAL, dueOn: plan.supportWindowEnd } });
  expect(goal.status(), await goal.text()).toBe(201);
  const agreed = await request.post(`/api/clients/${client.id}/plan/agree`, { headers, data: { agreedOn: today() } });
  expect(agreed.status(), await agreed.text()).toBe(201);
  const submitted = await request.post(`/api/clients/${client.id}/plan/review/submit`, { headers });
  expect(submitted.status(), await submitted.text()).toBe(201);
  return { id: client.id, name: `${client.firstName} ${client.lastName}` };
}

/** A waiting plan's entry in the Freigaben list, and the button (its name) that opens it. */
function entry(page: Page, plan: WaitingPlan): { item: Locator; toggle: Locator } {
  const item = page.getByRole('list', { name: 'Integrationspläne zur Freigabe' }).getByRole('listitem').filter({ hasText: plan.name });
  return { item, toggle: item.getByRole('button', { name: plan.name }) };
}

/** The page fits the viewport (polled: after a resize the shell's breakpoint layout applies a moment later). */
async function noHorizontalScroll(page: Page): Promise<void> {
  await settleAnimations(page);
  const measure = () =>
    page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      wide: [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(e.getBoundingClientRect().right)}`),
    }));
  await expect.poll(async () => (await measure()).overflow, { message: `no horizontal page scroll (wide: ${(await measure()).wide.join(', ')})`, timeout: 5_000 }).toBeLessThanOrEqual(0);
}

test('the team lead returns a plan with a comment from the Freigaben list; the next waiting plan opens; the manager sees the comment and a reminder', async ({ browser }) => {
  test.setTimeout(150_000);
  const manager = await signedInPage(browser, DEMO_ACCOUNTS.manager);
  const first = await submittedPlan(manager.request, 13);
  const second = await submittedPlan(manager.request, 14);

  const lead = await signedInPage(browser, DEMO_ACCOUNTS.teamLead);
  await lead.setViewportSize({ width: 1366, height: 768 });
  await lead.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Freigaben' }).click();
  await expect(lead).toHaveURL(/\/freigaben$/);
  await expect(lead.getByRole('status').filter({ hasText: /Pläne? warte/ })).toHaveText(/^\d+ (Plan wartet|Pläne warten) · /);

  // The first plan opens in the list: the agreed version's goals, Freigeben and Zurückgeben right there.
  const a = entry(lead, first);
  const b = entry(lead, second);
  if ((await a.toggle.getAttribute('aria-expanded')) !== 'true') await a.toggle.click();
  await expect(a.toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(b.toggle).toHaveAttribute('aria-expanded', 'false');
  const detail = a.item.getByRole('region', { name: first.name });
  await expect(detail.getByRole('list', { name: 'Ziele und vereinbarte Schritte' })).toContainText(`Arbeit: ${GOAL}`);
  await expect(detail).toContainText(/Mit Klient:in vereinbart am \d{2}\.\d{2}\.\d{4}/);
  await expect(detail.getByRole('button', { name: 'Freigeben' })).toBeVisible();
  expect(await violations(lead), 'axe: Freigaben with an item open (1366)').toEqual([]);
  await lead.screenshot({ path: join(SCREENSHOTS, 'approvals-item-open.png'), fullPage: true });

  // Zurückgeben needs a comment.
  await detail.getByRole('button', { name: 'Zurückgeben' }).click();
  const form = detail.getByRole('form', { name: 'Plan zurückgeben' });
  await expect(form.getByRole('textbox', { name: 'Kommentar' })).toBeFocused();
  await form.getByRole('button', { name: 'Zurückgeben' }).click();
  await expect(form.getByText('Bitte einen Kommentar schreiben.')).toBeVisible();
  expect(await violations(lead), 'axe: the return form with its error (1366)').toEqual([]);
  await lead.setViewportSize({ width: 768, height: 1024 });
  await noHorizontalScroll(lead);
  expect(await violations(lead), 'axe: the return form (768)').toEqual([]);
  await lead.screenshot({ path: join(SCREENSHOTS, 'approvals-return-form-768.png'), fullPage: true });
  await lead.setViewportSize({ width: 1366, height: 768 });

  await form.getByRole('textbox', { name: 'Kommentar' }).fill(COMMENT);
  await form.getByRole('button', { name: 'Zurückgeben' }).click();
  // The snack bar's text carries the name isolated (FSI … PDI, issue 18): a snack bar has no room for a <bdi>.
  await expect(lead.getByText(`Plan für \u2068${first.name}\u2069 zurückgegeben`)).toBeVisible();
  await expect(lead).toHaveURL(/\/freigaben$/);
  await expect(a.item).toHaveCount(0);

  // The next waiting plan opens and has the focus.
  await expect(b.toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(b.toggle).toBeFocused();
  await expect(b.item.getByRole('region', { name: second.name })).toContainText(GOAL);
  await lead.setViewportSize({ width: 768, height: 1024 });
  await noHorizontalScroll(lead);
  expect(await violations(lead), 'axe: Freigaben with the next item open (768)').toEqual([]);

  // The manager sees the comment on the plan page, in its own card, and a reminder.
  await manager.goto(`/klienten/${first.id}/integrationsplan`);
  const signOff = manager.getByRole('tabpanel', { name: 'Integrationsplan' }).getByRole('group', { name: 'Freigabe durch die Sachgebietsleitung' });
  await expect(signOff).toContainText(`Zurückgegeben: ${COMMENT}`);
  await expect(signOff.getByRole('heading', { name: 'Freigabe durch die Sachgebietsleitung' })).toBeVisible();
  await manager.goto('/erinnerungen');
  const reminder = manager.getByRole('list', { name: 'Erinnerungen' }).getByRole('listitem').filter({ hasText: 'Integrationsplan von der Sachgebietsleitung zurückgegeben' }).filter({ hasText: COMMENT });
  await expect(reminder).toHaveCount(1);
  await expect(reminder).toContainText(first.name);

  // Tidy up for reruns on the same data: the second plan is approved from the list.
  await b.item.getByRole('button', { name: 'Freigeben' }).click();
  await expect(lead.getByText(`Plan für \u2068${second.name}\u2069 freigegeben`)).toBeVisible();
  await expect(b.item).toHaveCount(0);

  await manager.context().close();
  await lead.context().close();
});

/** The month arithmetic of PostgreSQL (`date + interval 'N months'`): the day is kept, or the month's last day. */
function plusMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

interface ListedClient {
  caseNumber: string;
  supportState: string;
  supportWindowEnd: string;
}

/** Every client of the team lead's team (all pages). */
async function teamClients(request: APIRequestContext): Promise<ListedClient[]> {
  const all: ListedClient[] = [];
  let cursor: string | null = null;
  do {
    const response = await request.get(`/api/clients?pageSize=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status()).toBe(200);
    const page = (await response.json()) as { items: ListedClient[]; nextCursor: string | null };
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

test('"endet in den nächsten 3 Monaten": the dashboard links to the Fallbestand filtered to exactly those clients', async ({ browser }) => {
  test.setTimeout(90_000);
  const lead = await signedInPage(browser, DEMO_ACCOUNTS.teamLead);
  await lead.setViewportSize({ width: 1366, height: 768 });

  // The truth, computed here from every client of the team: an open case whose window ends from today up to 3 months on.
  const start = today();
  const end = plusMonths(start, 3);
  const expected = (await teamClients(lead.request))
    .filter((c) => ['active', 'paused'].includes(c.supportState) && c.supportWindowEnd >= start && c.supportWindowEnd <= end)
    .map((c) => c.caseNumber);
  expect(expected.length, 'demo clients whose window ends within 3 months').toBeGreaterThan(0);

  await lead.goto('/team');
  await lead.getByRole('link', { name: 'Alle Klient:innen, deren Betreuung in den nächsten 3 Monaten endet' }).click();
  await expect(lead).toHaveURL(/\/fallbestand\?windowEndsWithinMonths=3&sort=windowEnd$/);
  await expect(lead.getByRole('checkbox', { name: 'Betreuung endet in den nächsten 3 Monaten' })).toBeChecked();
  const count = lead.getByRole('status').filter({ hasText: /gefunden/ });
  const found = new RegExp(`^\\s*${expected.length === 1 ? '1 Klient:in gefunden' : `${expected.length.toLocaleString('de-DE')} Klient:innen gefunden`}(\\s*$|\\s+\\()`);
  await expect(count).toHaveText(found);

  const table = lead.getByRole('table');
  const shownCases = async () => (await table.getByRole('row').allInnerTexts()).flatMap((row) => row.match(/[A-Z]{2}-\d{4}-\d+/g) ?? []);
  const shown = await shownCases();
  expect(shown.length).toBe(Math.min(expected.length, 50));
  for (const caseNumber of shown) expect(expected).toContain(caseNumber);
  expect(await violations(lead), 'axe: the filtered Fallbestand (1366)').toEqual([]);

  // The filter by hand: off lists more, on again lists exactly these.
  const filter = lead.getByRole('checkbox', { name: 'Betreuung endet in den nächsten 3 Monaten' });
  await filter.uncheck();
  await expect(lead).not.toHaveURL(/windowEndsWithinMonths/);
  await expect(count).toHaveText(/Klient:innen gefunden/);
  await expect(count).not.toHaveText(found);
  await filter.check();
  await expect(lead).toHaveURL(/windowEndsWithinMonths=3/);
  await expect(count).toHaveText(found);

  await lead.setViewportSize({ width: 768, height: 1024 });
  await expect(lead.getByRole('list', { name: 'Klient:innen im Fallbestand' })).toBeVisible();
  await noHorizontalScroll(lead);
  expect(await violations(lead), 'axe: the filtered Fallbestand (768)').toEqual([]);
  await lead.screenshot({ path: join(SCREENSHOTS, 'caseload-ending-soon-768.png'), fullPage: true });
  await lead.context().close();
});
