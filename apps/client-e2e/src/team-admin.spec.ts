import { APIRequestContext, Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { signInWithTotp } from './support/totp-accounts';
import { csrfToken, signInViaApi, violations } from './support/clients';
import { DEMO_ACCOUNTS } from './support/sign-in';

/**
 * Issue 17, Verwaltung → Teams: the admin creates, renames and staffs a team
 * and sees the managers' open caseloads; a caseload maximum (acceptance 3)
 * refuses an intake for a full manager and the form offers a colleague.
 * axe and the 768 px layout on the list, the team page and every dialog.
 */

interface Account {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  teamId: string | null;
}

interface Member {
  id: string;
  firstName: string;
  lastName: string;
  openClients: number;
}

const screenshot = (page: Page, name: string) => page.screenshot({ path: join(test.info().project.outputDir, 'screenshots', name), fullPage: true });
const suffix = () => Array.from({ length: 5 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const DESKTOP = { width: 1366, height: 768 };
const TABLET = { width: 768, height: 1024 };

/**
 * axe (WCAG 2.1 AA) finds nothing at 1366×768 and at 768×1024, and the page does not scroll sideways at 768. A
 * confirmation snack bar (4 s) is let go first: fading out while axe runs, its text is measured at part opacity.
 */
async function checkLayouts(page: Page, what: string): Promise<void> {
  await expect(page.locator('mat-snack-bar-container')).toHaveCount(0, { timeout: 10_000 });
  for (const size of [DESKTOP, TABLET]) {
    await page.setViewportSize(size);
    expect(await violations(page), `${what} at ${size.width}×${size.height}`).toEqual([]);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${what}: no horizontal scroll at 768`).toBe(true);
  await page.setViewportSize(DESKTOP);
}

async function accounts(request: APIRequestContext): Promise<Account[]> {
  const response = await request.get('/api/users');
  expect(response.status()).toBe(200);
  return (await response.json()) as Account[];
}

async function createAccount(request: APIRequestContext, body: { firstName: string; lastName: string; role: string; teamId: string }): Promise<Account> {
  const email = `${body.firstName}.${body.lastName}@bh.wegweiser.example`.toLowerCase();
  const response = await request.post('/api/users', { headers: { 'X-CSRF-Token': await csrfToken(request) }, data: { ...body, email } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { user: Account }).user;
}

async function members(request: APIRequestContext, teamId: string): Promise<Member[]> {
  const response = await request.get(`/api/teams/${teamId}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { members: Member[] }).members;
}

async function openTeams(page: Page): Promise<void> {
  await page.setViewportSize(DESKTOP);
  await signInWithTotp(page, DEMO_ACCOUNTS.admin);
  await page.goto('/verwaltung/teams');
  await expect(page.getByRole('heading', { level: 2, name: 'Teams' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Teams der Kommune' })).toBeVisible();
}

test('the admin creates and renames a team, assigns a team lead and sees the managers with their open caseloads', async ({ page }) => {
  test.setTimeout(150_000);
  await openTeams(page);
  const list = page.getByRole('table', { name: 'Teams der Kommune' });
  await checkLayouts(page, 'teams list');
  const existing = ((await list.getByRole('rowheader').first().textContent()) ?? '').trim();
  expect(existing).not.toBe('');

  // Create.
  const name = `Team Probe ${suffix()}`;
  await page.getByRole('button', { name: 'Team anlegen' }).click();
  const create = page.getByRole('dialog', { name: 'Team anlegen' });
  await create.getByRole('textbox', { name: 'Name des Teams' }).fill(name);
  await checkLayouts(page, 'create dialog');
  await create.getByRole('button', { name: 'Anlegen' }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await expect(page.getByText('Sachgebietsleitung: Keine Sachgebietsleitung')).toBeVisible();
  const teamId = page.url().split('/').pop() ?? '';

  // Rename: a taken name is refused at the field, then a free one is kept.
  await page.getByRole('button', { name: 'Umbenennen' }).click();
  const rename = page.getByRole('dialog', { name: 'Team umbenennen' });
  const field = rename.getByRole('textbox', { name: 'Name des Teams' });
  await expect(field).toHaveValue(name);
  await field.fill(existing);
  await rename.getByRole('button', { name: 'Umbenennen' }).click();
  await expect(rename.getByText('Ein Team mit diesem Namen gibt es schon.')).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await checkLayouts(page, 'rename dialog with the field error');
  const renamed = `${name} Ost`;
  await field.fill(renamed);
  await rename.getByRole('button', { name: 'Umbenennen' }).click();
  await expect(rename).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: renamed })).toBeVisible();

  // A team lead: a manager of another team (made here, so no other spec misses one) becomes the new team's lead.
  const otherTeam = (await accounts(page.request)).find((a) => a.email === DEMO_ACCOUNTS.teamLead)?.teamId ?? '';
  const lead = await createAccount(page.request, { firstName: 'Lena', lastName: `Leitwolf-${suffix()}`, role: 'manager', teamId: otherTeam });
  await page.getByRole('button', { name: 'Sachgebietsleitung zuweisen' }).click();
  const assign = page.getByRole('dialog', { name: `Sachgebietsleitung für ${renamed}` });
  await assign.getByRole('combobox', { name: 'Person' }).click();
  await page.getByRole('option', { name: new RegExp(`^Lena ${lead.lastName} \\(Integrationsmanager:in`) }).click();
  await checkLayouts(page, 'lead dialog');
  await assign.getByRole('button', { name: 'Zuweisen' }).click();
  await expect(assign).toBeHidden();
  await expect(page.getByText(`Sachgebietsleitung: Lena ${lead.lastName}`)).toBeVisible();
  const leadRow = page.getByRole('table', { name: 'Mitglieder und Fallbestand' }).getByRole('row', { name: new RegExp(`Lena ${lead.lastName}`) });
  await expect(leadRow).toContainText('Sachgebietsleitung');
  await expect(leadRow).toContainText('0 offene Fälle');
  const listed = (await (await page.request.get('/api/teams')).json()) as { id: string; leadIds: string[] }[];
  expect(listed.find((t) => t.id === teamId)?.leadIds).toEqual([lead.id]);

  // Back in the list, the renamed team shows its lead; a demo team shows its managers with their open caseloads.
  await page.getByRole('link', { name: 'Zurück zu allen Teams' }).click();
  await expect(list.getByRole('row', { name: new RegExp(renamed) })).toContainText(`Lena ${lead.lastName}`);
  const teams = (await (await page.request.get('/api/teams')).json()) as { id: string; name: string }[];
  const demoTeam = teams.find((t) => t.id === otherTeam);
  await list.getByRole('link', { name: demoTeam?.name ?? '?' }).click();
  await expect(page.getByRole('heading', { level: 2, name: demoTeam?.name ?? '?' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Mitglieder und Fallbestand' });
  const staff = await members(page.request, otherTeam);
  const busiest = staff.reduce((a, b) => (b.openClients > a.openClients ? b : a));
  expect(busiest.openClients).toBeGreaterThan(1);
  for (const member of staff) {
    const row = table.getByRole('row', { name: new RegExp(`${member.firstName} ${member.lastName}`) });
    await expect(row).toContainText(member.openClients === 1 ? '1 offener Fall' : `${member.openClients} offene Fälle`);
  }
  await checkLayouts(page, 'team page');
  await screenshot(page, 'team-page.png');
});

test('a caseload maximum of 3 on a manager with 3 open clients: the intake for her is refused with the message and a colleague is offered, who gets the client', async ({ page, browser }) => {
  test.setTimeout(150_000);
  await openTeams(page);
  const teamId = (await accounts(page.request)).find((a) => a.email === DEMO_ACCOUNTS.teamLead)?.teamId ?? '';
  const mara = await createAccount(page.request, { firstName: 'Mara', lastName: `Maximal-${suffix()}`, role: 'manager', teamId });
  const maraName = `Mara ${mara.lastName}`;

  // The team lead gives her three clients (through the API, so the count is exact).
  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  const csrf = await signInViaApi(leadContext.request, DEMO_ACCOUNTS.teamLead);
  for (let i = 0; i < 3; i++) {
    const response = await leadContext.request.post('/api/clients', {
      headers: { 'X-CSRF-Token': csrf },
      data: { firstName: `Probe${suffix()}`, lastName: `Zorn-${suffix()}`, dateOfBirth: '1990-04-02', gender: 'female', countryOfOrigin: 'AF', responsibleManagerId: mara.id },
    });
    expect(response.status()).toBe(201);
  }

  // The admin sets her maximum to 3 on the team page.
  await page.goto(`/verwaltung/teams/${teamId}`);
  const table = page.getByRole('table', { name: 'Mitglieder und Fallbestand' });
  const maraRow = table.getByRole('row', { name: new RegExp(maraName) });
  await expect(maraRow).toContainText('3 offene Fälle');
  await maraRow.getByRole('button', { name: `Fallobergrenze von ${maraName} ändern` }).click();
  const limit = page.getByRole('dialog', { name: `Fallobergrenze von ${maraName}` });
  await expect(limit).toContainText('Zurzeit 3 offene Fälle.');
  await limit.getByRole('spinbutton', { name: 'Höchstzahl' }).fill('3');
  await checkLayouts(page, 'caseload limit dialog');
  await limit.getByRole('button', { name: 'Speichern' }).click();
  await expect(limit).toBeHidden();
  await expect(maraRow).toContainText('Höchstzahl erreicht');
  await expect(maraRow.getByRole('cell').nth(3)).toHaveText('3');

  // The team lead takes in a client for her: the form says she is full, the API refuses, the colleague offered gets the client.
  await lead.goto('/aufnahme');
  await expect(lead.getByRole('heading', { level: 1, name: 'Neue:r Klient:in aufnehmen' })).toBeVisible();
  const firstName = `Samira${suffix()}`;
  const lastName = `Zuhair-${suffix()}`;
  await lead.getByRole('textbox', { name: 'Vorname (lateinisch)' }).fill(firstName);
  await lead.getByRole('textbox', { name: 'Nachname (lateinisch)' }).fill(lastName);
  await lead.getByRole('textbox', { name: 'Geburtsdatum' }).fill('02.04.1991');
  await lead.getByRole('combobox', { name: 'Geschlecht' }).click();
  await lead.getByRole('option', { name: 'weiblich' }).click();
  await lead.getByRole('combobox', { name: 'Herkunftsland' }).click();
  await lead.getByRole('option', { name: 'Syrien' }).click();
  const responsible = lead.getByRole('combobox', { name: 'Verantwortlich' });
  await responsible.click();
  await lead.getByRole('option', { name: `${maraName} (3 offene Fälle, Höchstzahl 3)` }).click();
  const message = `${maraName} hat die Höchstzahl von 3 Fällen erreicht.`;
  const notice = lead.getByRole('alert').filter({ hasText: 'Stattdessen' });
  await expect(notice).toContainText(message);
  await checkLayouts(lead, 'intake with a full caseload');
  await lead.setViewportSize(TABLET);
  await notice.scrollIntoViewIfNeeded();
  await lead.screenshot({ path: join(test.info().project.outputDir, 'screenshots', 'intake-caseload-full-768.png') });
  await lead.setViewportSize(DESKTOP);

  await lead.getByRole('button', { name: 'Klient:in anlegen' }).click();
  await expect(lead.getByRole('alert').filter({ hasText: 'nicht angelegt' })).toContainText(message);
  await expect(lead).toHaveURL(/\/aufnahme$/);
  await expect(lead.getByRole('textbox', { name: 'Vorname (lateinisch)' })).toHaveValue(firstName);
  await expect(lead.getByRole('textbox', { name: 'Nachname (lateinisch)' })).toHaveValue(lastName);
  expect((await members(page.request, teamId)).find((m) => m.id === mara.id)?.openClients).toBe(3);

  const offered = notice.getByRole('button', { name: / wählen/ }).first();
  const colleague = ((await offered.textContent()) ?? '').replace(/ wählen.*$/s, '').trim();
  expect(colleague).not.toBe('');
  expect(colleague).not.toBe(maraName);
  await offered.click();
  await expect(responsible).toContainText(colleague);
  await expect(lead.getByText(message)).toHaveCount(0);
  await lead.getByRole('button', { name: 'Klient:in anlegen' }).click();
  await expect(lead).toHaveURL(/\/klienten\/[0-9a-f-]{36}(\/|$)/);
  const clientId = /\/klienten\/([0-9a-f-]{36})/.exec(lead.url())?.[1] ?? '';
  const created = (await (await leadContext.request.get(`/api/clients/${clientId}`)).json()) as { firstName: string; responsibleManagerName: string | null; responsibleManagerId: string };
  expect(created.firstName).toBe(firstName);
  const staff = await members(page.request, teamId);
  expect(staff.find((m) => m.id === created.responsibleManagerId)).toEqual(expect.objectContaining({ id: expect.any(String) }));
  expect(`${staff.find((m) => m.id === created.responsibleManagerId)?.firstName} ${staff.find((m) => m.id === created.responsibleManagerId)?.lastName}`).toBe(colleague);
  expect(staff.find((m) => m.id === mara.id)?.openClients).toBe(3);
  await leadContext.close();
});
