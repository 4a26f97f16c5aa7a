import { berlinDay } from './support/calendar';
import { APIRequestContext, Browser, Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { SCREENSHOTS, csrfToken, listClients, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/** `YYYY-MM-DD` (UTC, as the browser's time zone) today. */
const today = () => berlinDay();
const COMMENT = 'Bitte beim Sprachziel den Prüfungstermin ergänzen.';

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'UTC' });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/anmelden/);
  return page;
}

/** The manager's own active client at index 11 (this spec's), with a plan agreed today (a goal added first when it has none). */
async function agreedClient(request: APIRequestContext): Promise<{ id: string; name: string }> {
  const { me } = (await (await request.get('/api/auth/me')).json()) as { me: { id: string } };
  const client = (await listClients(request, `&state=active&managerId=${me.id}`))[11];
  expect(client, 'own active client #11').toBeDefined();
  const plan = (await (await request.get(`/api/clients/${client.id}/plan`)).json()) as { goals: unknown[]; supportWindowEnd: string };
  const headers = { 'X-CSRF-Token': await csrfToken(request) };
  if (plan.goals.length === 0) {
    const goal = await request.post(`/api/clients/${client.id}/plan/goals`, { headers, data: { fieldOfAction: 'work', target: 'Praktikum finden', dueOn: plan.supportWindowEnd } });
    expect(goal.status()).toBe(201);
  }
  const agreed = await request.post(`/api/clients/${client.id}/plan/agree`, { headers, data: { agreedOn: today() } });
  expect(agreed.status(), await agreed.text()).toBe(201);
  return { id: client.id, name: `${client.firstName} ${client.lastName}` };
}

/** The plan tab and its sign-off group (state badge and buttons). */
async function openPlan(page: Page, clientId: string) {
  await page.goto(`/klienten/${clientId}/integrationsplan`);
  const panel = page.getByRole('tabpanel', { name: 'Integrationsplan' });
  await expect(panel.getByRole('heading', { name: 'Vereinbarung mit Klient:in' })).toBeVisible();
  return panel.getByRole('group', { name: 'Freigabe durch die Sachgebietsleitung' });
}

test('four eyes: the manager submits, the team lead returns with a comment, the manager resubmits, the lead approves', async ({ browser }) => {
  test.setTimeout(120_000);
  const manager = await signedInPage(browser, DEMO_ACCOUNTS.manager);
  const lead = await signedInPage(browser, DEMO_ACCOUNTS.teamLead);
  const client = await agreedClient(manager.request);

  // The manager submits the agreed plan.
  let review = await openPlan(manager, client.id);
  await expect(review).toContainText('Noch nicht zur Freigabe eingereicht.');
  await expect(manager.getByRole('link', { name: 'Freigaben' })).toHaveCount(0);
  await review.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(manager.getByText('Plan zur Freigabe eingereicht')).toBeVisible();
  await expect(review).toContainText('Zur Freigabe eingereicht');
  await expect(review.getByRole('button')).toHaveCount(0);

  // The team lead finds it under "Freigaben" and opens the plan from there.
  await lead.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Freigaben' }).click();
  await expect(lead).toHaveURL(/\/freigaben$/);
  await expect(lead.getByRole('heading', { level: 1, name: 'Freigaben' })).toBeVisible();
  const waiting = lead.getByRole('list', { name: 'Integrationspläne zur Freigabe' });
  const entry = waiting.getByRole('listitem').filter({ hasText: client.name });
  await expect(entry).toContainText('eingereicht am');
  await expect(entry).toContainText('Julia Neumann');
  await expect(lead.getByRole('heading', { level: 2, name: 'Beantragte Verlängerungen' })).toBeVisible();
  expect(await violations(lead), 'axe on the Freigaben page').toEqual([]);
  await lead.screenshot({ path: join(SCREENSHOTS, 'approvals.png'), fullPage: true });
  const toggle = entry.getByRole('button', { name: client.name });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await entry.getByRole('link', { name: 'Plan in der Akte öffnen' }).click();
  await expect(lead).toHaveURL(new RegExp(`/klienten/${client.id}/integrationsplan$`));

  // ... and returns it with a comment (required).
  review = lead.getByRole('tabpanel', { name: 'Integrationsplan' }).getByRole('group', { name: 'Freigabe durch die Sachgebietsleitung' });
  await expect(review).toContainText('Zur Freigabe eingereicht');
  await expect(review.getByRole('button', { name: 'Zur Freigabe einreichen' })).toHaveCount(0);
  await review.getByRole('button', { name: 'Zurückgeben' }).click();
  const dialog = lead.getByRole('dialog', { name: 'Plan zurückgeben' });
  await expect(dialog.getByRole('textbox', { name: 'Kommentar' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Zurückgeben' }).click();
  await expect(dialog.getByText('Bitte einen Kommentar schreiben.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Kommentar' }).fill(COMMENT);
  expect(await violations(lead), 'axe with the return dialog open').toEqual([]);
  await lead.screenshot({ path: join(SCREENSHOTS, 'plan-return-dialog.png') });
  await dialog.getByRole('button', { name: 'Zurückgeben' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(lead.getByText('Plan zurückgegeben', { exact: true })).toBeVisible();
  await expect(review).toContainText(`Zurückgegeben: ${COMMENT}`);
  await expect(review.getByRole('button')).toHaveCount(0);

  // The manager sees the return and its comment (after reloading), and submits again.
  review = await openPlan(manager, client.id);
  await expect(review).toContainText(`Zurückgegeben: ${COMMENT}`);
  await expect(review).toContainText('von Oliver Zimmermann');
  await review.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
  await expect(review).toContainText('Zur Freigabe eingereicht');
  await expect(review).not.toContainText(COMMENT);

  // The lead sees the new submission and approves it.
  review = await openPlan(lead, client.id);
  await expect(review).toContainText('Zur Freigabe eingereicht');
  await review.getByRole('button', { name: 'Freigeben' }).click();
  await expect(review).toContainText(/Freigegeben am \d{2}\.\d{2}\.\d{4} von Oliver Zimmermann/);
  await expect(review.getByRole('button')).toHaveCount(0);
  await lead.goto('/freigaben');
  await expect(lead.getByRole('list', { name: 'Integrationspläne zur Freigabe' })).toBeVisible();
  await expect(lead.getByRole('list', { name: 'Integrationspläne zur Freigabe' }).getByRole('listitem').filter({ hasText: client.name })).toHaveCount(0);

  // Both see "Freigegeben"; the timeline shows each step.
  review = await openPlan(manager, client.id);
  await expect(review).toContainText(/Freigegeben am \d{2}\.\d{2}\.\d{4} von Oliver Zimmermann/);
  await expect(review.getByRole('button', { name: 'Zur Freigabe einreichen' })).toHaveCount(0);
  await manager.getByRole('tab', { name: 'Verlauf' }).click();
  const timeline = manager.getByRole('tabpanel', { name: 'Verlauf' });
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Plan freigegeben' })).toHaveCount(1);
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Plan zurückgegeben' })).toHaveCount(1);
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Plan zur Freigabe eingereicht' })).toHaveCount(2);

  await manager.context().close();
  await lead.context().close();
});
