import { expect, test } from '@playwright/test';
import { listClients } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/** Issue 5, acceptance 2: a language goal "B1" is achieved by recording the B1 certificate as an outcome. */
test('a language goal B1, in progress, is achieved once the B1 certificate is recorded as an outcome', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'UTC' });
  const page = await context.newPage();
  await signIn(page, DEMO_ACCOUNTS.manager);
  await expect(page).not.toHaveURL(/\/anmelden/);
  // This spec owns the manager's own active client at index 8.
  const { me } = (await (await page.request.get('/api/auth/me')).json()) as { me: { id: string } };
  const client = (await listClients(page.request, `&state=active&managerId=${me.id}`))[8];
  expect(client).toBeDefined();
  const target = 'Deutsch bis B1 (Integrationskurs)';

  await page.goto(`/klienten/${client.id}/integrationsplan`);
  const plan = page.getByRole('tabpanel', { name: 'Integrationsplan' });

  // The language goal: the field "Sprache" asks for the target level.
  await plan.getByRole('button', { name: 'Ziel hinzufügen' }).click();
  const create = plan.getByRole('form', { name: 'Ziel hinzufügen' });
  await create.getByRole('combobox', { name: 'Handlungsfeld' }).click();
  await page.getByRole('option', { name: 'Sprache', exact: true }).click();
  await create.getByRole('combobox', { name: 'Zielniveau' }).click();
  await page.getByRole('option', { name: 'B1', exact: true }).click();
  await create.getByRole('textbox', { name: 'Ziel', exact: true }).fill(target);
  await create.getByRole('button', { name: 'Ziel speichern' }).click();
  await expect(page.getByText('Ziel hinzugefügt')).toBeVisible();

  const goal = plan.getByRole('article', { name: target });
  await expect(goal).toContainText('Zielniveau B1');
  await expect(goal.getByText('offen', { exact: true })).toBeVisible();
  await goal.getByRole('button', { name: 'In Arbeit beginnen' }).click();
  await expect(goal.getByText('in Arbeit', { exact: true })).toBeVisible();

  // The certificate, on the outcomes tab.
  await page.getByRole('tab', { name: 'Ergebnisse' }).click();
  const outcomes = page.getByRole('tabpanel', { name: 'Ergebnisse' });
  await outcomes.getByRole('button', { name: 'Ergebnis erfassen' }).click();
  const form = outcomes.getByRole('form', { name: 'Neues Ergebnis' });
  await form.getByRole('radiogroup', { name: 'Art des Ergebnisses' }).getByRole('radio', { name: 'Deutsch B1 erreicht' }).check();
  await form.getByRole('combobox', { name: 'Niveau' }).click();
  await page.getByRole('option', { name: 'B1', exact: true }).click();
  await form.getByLabel('Zertifikat (optional)').fill('telc Deutsch B1');
  await form.getByRole('button', { name: 'Ergebnis speichern' }).click();
  await expect(page.getByText('Ergebnis gespeichert')).toBeVisible();
  await expect(outcomes.getByRole('listitem').filter({ hasText: 'telc Deutsch B1' })).toContainText('Deutsch B1 erreicht');

  // Back on the plan: the goal shows achieved, without any further click on it.
  await page.getByRole('tab', { name: 'Integrationsplan' }).click();
  const achieved = page.getByRole('tabpanel', { name: 'Integrationsplan' }).getByRole('article', { name: target });
  await expect(achieved.getByText('erreicht', { exact: true })).toBeVisible();
  await expect(achieved.getByText('in Arbeit', { exact: true })).toHaveCount(0);
  const saved = (await (await page.request.get(`/api/clients/${client.id}/plan`)).json()) as { goals: { target: string; state: string }[] };
  expect(saved.goals.find((candidate) => candidate.target === target)?.state).toBe('achieved');

  await context.close();
});
