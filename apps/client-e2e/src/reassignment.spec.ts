import { APIRequestContext, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { SCREENSHOTS, csrfToken, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/** A family name no demo client has: the three clients of this test and nobody else (they sort after every demo name). */
const FAMILY = 'Zyrkel';
const FIRST_NAMES = ['Amal', 'Bashir', 'Darya'];

interface Manager {
  id: string;
  firstName: string;
  lastName: string;
}

async function teamManager(request: APIRequestContext, name: string): Promise<Manager> {
  const response = await request.get('/api/teams/mine/managers');
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: Manager[] };
  const manager = items.find((m) => `${m.firstName} ${m.lastName}` === name);
  if (!manager) throw new Error(`${name} is not a manager of the team`);
  return manager;
}

async function clientIds(request: APIRequestContext, managerId: string): Promise<string[]> {
  const response = await request.get(`/api/clients?managerId=${managerId}&q=${FAMILY}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: { id: string }[] }).items.map((c) => c.id).sort();
}

/**
 * Issue 6, reassignment: the team lead filters the caseload to one manager,
 * ticks three clients and moves them to a colleague with a reason.
 *
 * Team A of the demo data (oliver.zimmermann) has only two managers,
 * julia.neumann and nadine.wagner, and the other specs use julia's first
 * active clients. So the lead first files three new clients for Nadine
 * (family name "Zyrkel", sorted after every demo client) and moves exactly
 * those to Julia: her first clients by name stay as they are.
 */
test('a team lead reassigns three clients of one manager to another, with a reason', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'UTC' });
  const page = await context.newPage();
  await signIn(page, DEMO_ACCOUNTS.teamLead);
  await expect(page).not.toHaveURL(/\/anmelden/);

  const nadine = await teamManager(page.request, 'Nadine Wagner');
  const julia = await teamManager(page.request, 'Julia Neumann');
  const csrf = await csrfToken(page.request);
  for (const firstName of FIRST_NAMES) {
    const created = await page.request.post('/api/clients', {
      headers: { 'X-CSRF-Token': csrf },
      data: { firstName, lastName: FAMILY, dateOfBirth: '1994-05-17', gender: 'female', countryOfOrigin: 'AF', responsibleManagerId: nadine.id },
    });
    expect(created.status()).toBe(201);
  }
  const moved = await clientIds(page.request, nadine.id);
  expect(moved).toHaveLength(3);

  // The caseload, filtered to Nadine Wagner and the family name.
  await page.goto('/fallbestand');
  await expect(page.getByRole('heading', { level: 1, name: 'Mein Fallbestand' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Verantwortlich' }).click();
  await page.getByRole('option', { name: 'Nadine Wagner' }).click();
  await page.getByRole('searchbox', { name: 'Suche' }).fill(FAMILY);
  await expect(page.getByRole('status').filter({ hasText: 'Klient:innen gefunden' })).toHaveText('3 Klient:innen gefunden');
  const table = page.getByRole('table', { name: 'Klient:innen im Fallbestand' });
  for (const firstName of FIRST_NAMES) {
    await expect(table.getByRole('row', { name: new RegExp(`${firstName} ${FAMILY}`) }).getByRole('cell', { name: 'Nadine Wagner' })).toBeVisible();
  }

  // Select: one by one, then all on this page.
  const reassign = page.getByRole('button', { name: 'Neu zuweisen' });
  await expect(reassign).toBeDisabled();
  await page.getByRole('checkbox', { name: `${FIRST_NAMES[0]} ${FAMILY} auswählen` }).check();
  await expect(page.getByRole('status').filter({ hasText: 'ausgewählt' })).toHaveText('1 ausgewählt');
  await page.getByRole('checkbox', { name: 'Alle auf dieser Seite auswählen' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'ausgewählt' })).toHaveText('3 ausgewählt');
  for (const firstName of FIRST_NAMES) await expect(page.getByRole('checkbox', { name: `${firstName} ${FAMILY} auswählen` })).toBeChecked();

  // The dialog: person and reason, both required.
  await reassign.click();
  const dialog = page.getByRole('dialog', { name: 'Klient:innen neu zuweisen' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('list', { name: '3 Klient:innen ausgewählt:' }).getByRole('listitem')).toHaveText(FIRST_NAMES.map((n) => `${n} ${FAMILY}`));
  await dialog.getByRole('button', { name: 'Neu zuweisen' }).click();
  await expect(dialog.getByText('Bitte eine Person auswählen.')).toBeVisible();
  await expect(dialog.getByText('Bitte einen Grund angeben.')).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Neue zuständige Person' }).click();
  await page.getByRole('option', { name: /^Julia Neumann/ }).click();
  await dialog.getByRole('textbox', { name: 'Grund' }).fill('Längere Krankheit von Frau Wagner; Übergabe im Teamgespräch.');
  expect(await violations(page), 'axe with the dialog open').toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'reassignment.png'), fullPage: false });
  await dialog.getByRole('button', { name: 'Neu zuweisen' }).click();

  // Confirmed, the dialog gone, and the list (still filtered to Nadine Wagner) no longer has them.
  await expect(page.getByText('3 Klient:innen neu zugewiesen')).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Keine Klient:innen gefunden')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Klient:innen im Fallbestand' })).toHaveCount(0);

  // The API has them with Julia Neumann now.
  expect(await clientIds(page.request, julia.id)).toEqual(moved);
  expect(await clientIds(page.request, nadine.id)).toEqual([]);

  // The file's Verlauf names both managers.
  await page.goto(`/klienten/${moved[0]}/verlauf`);
  const timeline = page.getByRole('tabpanel', { name: 'Verlauf' });
  await expect(timeline.getByText('Verlauf wird geladen …')).toHaveCount(0);
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Neu zugewiesen' })).toContainText('von Nadine Wagner an Julia Neumann');

  await context.close();
});
