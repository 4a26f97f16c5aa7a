import { berlinDay } from './support/calendar';
import { APIRequestContext, Browser, Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { SCREENSHOTS, csrfToken, listClients, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

interface Goal {
  id: string;
  target: string;
  version: number;
  state: string;
}
interface Plan {
  goals: Goal[];
  latestAgreement: { version: number } | null;
}

/** `YYYY-MM-DD` (UTC, as the browser's time zone) `days` from today. */
function dayFromToday(days: number): string {
  return berlinDay(days);
}

/** A day as the German UI shows it (DatePipe `mediumDate`, locale de): `30.06.2027`. */
function german(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}.${month}.${year}`;
}

async function signedInPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'UTC' });
  const page = await context.newPage();
  await signIn(page, DEMO_ACCOUNTS.manager);
  await expect(page).not.toHaveURL(/\/anmelden/);
  return page;
}

/** The manager's own active client at `index` (indices 5 and 6 belong to this spec). */
async function ownClient(request: APIRequestContext, index: number): Promise<{ id: string; windowEnd: string }> {
  const { me } = (await (await request.get('/api/auth/me')).json()) as { me: { id: string } };
  const clients = await listClients(request, `&state=active&managerId=${me.id}`);
  const client = clients[index];
  expect(client, `own active client #${index}`).toBeDefined();
  const file = (await (await request.get(`/api/clients/${client.id}/file`)).json()) as { support: { windowEnd: string } };
  return { id: client.id, windowEnd: file.support.windowEnd };
}

async function plan(request: APIRequestContext, clientId: string): Promise<Plan> {
  const response = await request.get(`/api/clients/${clientId}/plan`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Plan;
}

async function openPlan(page: Page, clientId: string) {
  await page.goto(`/klienten/${clientId}/integrationsplan`);
  const panel = page.getByRole('tabpanel', { name: 'Integrationsplan' });
  await expect(panel.getByRole('heading', { name: 'Vereinbarung mit Klient:in' })).toBeVisible();
  return panel;
}

test('a manager adds a goal, moves it on, adds and completes a step and records the agreement', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signedInPage(browser);
  const client = await ownClient(page.request, 5);
  const agreedBefore = (await plan(page.request, client.id)).latestAgreement?.version ?? 0;
  const target = 'Praktikum im Einzelhandel finden';
  const stepDue = [dayFromToday(14), client.windowEnd].sort()[0];
  const panel = await openPlan(page, client.id);

  // Add a goal: the due date starts at the end of the support window.
  await panel.getByRole('button', { name: 'Ziel hinzufügen' }).click();
  const create = panel.getByRole('form', { name: 'Ziel hinzufügen' });
  await expect(create.getByLabel('Fällig am')).toHaveValue(client.windowEnd);
  await create.getByRole('combobox', { name: 'Handlungsfeld' }).click();
  await page.getByRole('option', { name: 'Arbeit', exact: true }).click();
  await expect(create.getByRole('combobox', { name: 'Zielniveau' })).toHaveCount(0);
  await create.getByRole('textbox', { name: 'Ziel', exact: true }).fill(target);
  await create.getByRole('button', { name: 'Ziel speichern' }).click();
  await expect(page.getByText('Ziel hinzugefügt')).toBeVisible();

  const card = panel.getByRole('article', { name: target });
  await expect(card).toContainText('offen');
  await expect(card).toContainText(`Fällig am ${german(client.windowEnd)}`);

  // One click: start working on it.
  await card.getByRole('button', { name: 'In Arbeit beginnen' }).click();
  await expect(card.getByText('in Arbeit', { exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Erreicht', exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Nicht erreicht' })).toBeVisible();

  // The editor's forms open at once: new goal, edit goal, new step. Then axe and a screenshot.
  await panel.getByRole('button', { name: 'Ziel hinzufügen' }).click();
  await card.getByRole('button', { name: 'Ziel bearbeiten' }).click();
  await card.getByRole('button', { name: 'Schritt hinzufügen' }).click();
  const stepForm = card.getByRole('form', { name: `Schritt hinzufügen zu: ${target}` });
  await stepForm.getByRole('textbox', { name: 'Was ist zu tun?' }).fill('Bewerbungsmappe erstellen');
  await stepForm.getByRole('combobox', { name: 'Wer?' }).click();
  await page.getByRole('option', { name: 'Integrationsmanager:in' }).click();
  await stepForm.getByLabel('Bis wann?').fill(stepDue);
  expect(await violations(page), 'axe with the plan editor\'s forms open').toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'plan-editor.png'), fullPage: true });
  await panel.getByRole('form', { name: 'Ziel hinzufügen' }).getByRole('button', { name: 'Abbrechen' }).click();
  await card.getByRole('form', { name: 'Ziel bearbeiten' }).getByRole('button', { name: 'Abbrechen' }).click();

  await stepForm.getByRole('button', { name: 'Schritt speichern' }).click();
  await expect(page.getByText('Schritt hinzugefügt')).toBeVisible();
  const step = card.getByRole('listitem').filter({ hasText: 'Bewerbungsmappe erstellen' });
  await expect(step).toContainText(`Integrationsmanager:in, bis ${german(stepDue)}, offen`);

  // Mark it done: done today.
  await card.getByRole('checkbox', { name: 'Bewerbungsmappe erstellen' }).check();
  await expect(step).toContainText(`erledigt am ${german(dayFromToday(0))}`);
  await expect(card.getByRole('checkbox', { name: 'Bewerbungsmappe erstellen' })).toBeChecked();

  // Record the agreement with the client (today).
  await expect(panel.getByLabel('Mit Klient:in vereinbart am')).toHaveValue(dayFromToday(0));
  await panel.getByRole('button', { name: 'Plan als vereinbart speichern' }).click();
  await expect(panel.getByText(`Zuletzt vereinbart: Fassung ${agreedBefore + 1} am ${german(dayFromToday(0))}`)).toBeVisible();
  await expect(panel.getByText('Der Plan ist seit dieser Vereinbarung unverändert.')).toBeVisible();

  const saved = (await plan(page.request, client.id)).goals.find((goal) => goal.target === target);
  expect(saved?.state).toBe('in_progress');
  await page.context().close();
});

test('two people edit the same goal: the second sees both texts and keeps theirs', async ({ browser }) => {
  test.setTimeout(90_000);
  const first = await signedInPage(browser);
  const second = await signedInPage(browser);
  const client = await ownClient(first.request, 6);
  const original = 'Deutschkurs bis B1 abschließen';
  const created = await first.request.post(`/api/clients/${client.id}/plan/goals`, {
    headers: { 'X-CSRF-Token': await csrfToken(first.request) },
    data: { fieldOfAction: 'language', target: original, targetLevel: 'B1', dueOn: client.windowEnd },
  });
  expect(created.status()).toBe(201);
  const goal = (await created.json()) as Goal;
  const firstText = 'Deutschkurs B1 mit Zertifikat abschließen';
  const secondText = 'Deutschkurs B1 im Abendkurs abschließen';

  // Both open the same goal's edit form.
  const firstCard = (await openPlan(first, client.id)).getByRole('article', { name: original });
  const secondCard = (await openPlan(second, client.id)).getByRole('article', { name: original });
  await firstCard.getByRole('button', { name: 'Ziel bearbeiten' }).click();
  await secondCard.getByRole('button', { name: 'Ziel bearbeiten' }).click();

  // The first saves a new target.
  await firstCard.getByRole('textbox', { name: 'Ziel', exact: true }).fill(firstText);
  await firstCard.getByRole('button', { name: 'Änderungen speichern' }).click();
  await expect(first.getByRole('article', { name: firstText })).toBeVisible();

  // The second types another target and saves: the conflict dialog shows both texts.
  await secondCard.getByRole('textbox', { name: 'Ziel', exact: true }).fill(secondText);
  await secondCard.getByRole('button', { name: 'Änderungen speichern' }).click();
  const dialog = second.getByRole('dialog', { name: 'Inzwischen von jemand anderem gespeichert' });
  await expect(dialog).toBeVisible();
  const field = dialog.getByRole('region', { name: 'Ziel' });
  await expect(field).toContainText(`Ihre Eingabe${secondText}`);
  await expect(field).toContainText(`Jetzt gespeichert${firstText}`);
  expect(await violations(second), 'axe on the conflict dialog').toEqual([]);

  await dialog.getByRole('button', { name: 'Meine Fassung speichern' }).click();
  await expect(dialog).toBeHidden();
  await expect(second.getByRole('article', { name: secondText })).toBeVisible();
  await expect(second.getByRole('article', { name: firstText })).toHaveCount(0);

  const saved = (await plan(second.request, client.id)).goals.find((candidate) => candidate.id === goal.id);
  expect(saved?.target).toBe(secondText);
  expect(saved?.version).toBe(goal.version + 2);

  await first.context().close();
  await second.context().close();
});
