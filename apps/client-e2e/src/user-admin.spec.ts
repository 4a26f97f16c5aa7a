import { APIRequestContext, Browser, BrowserContext, Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { SCREENSHOTS, listClients, violations } from './support/clients';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, signIn } from './support/sign-in';
import { signInWithTotp, signInWithTotpViaApi } from './support/totp-accounts';

/**
 * Verwaltung → Benutzer:innen (issue 17). The administrator of Beispielheim
 * signs in once (TOTP) and keeps the page across the tests of this file.
 * Accounts this spec changes: the ones it creates, the demo evaluator (locked
 * and unlocked again) and the demo data-protection officer (second factor
 * reset, then set up again).
 */
test.describe.configure({ mode: 'serial' });

interface Account {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
}

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 768, height: 1024 },
];
const NEW_PASSWORD = 'Sonnenblumen-Fahrrad-Leuchtturm-42';
let serial = 0;
const uniqueEmail = (prefix: string) => `${prefix}.${Date.now().toString(36)}${++serial}@bh.wegweiser.example`;

let adminContext: BrowserContext;
let admin: Page;

async function accounts(request: APIRequestContext): Promise<Account[]> {
  const response = await request.get('/api/users');
  expect(response.status()).toBe(200);
  return (await response.json()) as Account[];
}

async function accountId(request: APIRequestContext, email: string): Promise<string> {
  const account = (await accounts(request)).find((a) => a.email === email);
  expect(account, email).toBeDefined();
  return (account as Account).id;
}

const card = (page: Page, name: string) => page.getByRole('list', { name: 'Konten' }).getByRole('listitem', { name, exact: true });
const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function openUsers(page: Page): Promise<void> {
  await page.goto('/verwaltung/benutzer');
  await expect(page.getByRole('heading', { level: 2, name: 'Benutzer:innen' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Konten' })).toBeVisible();
}

/** Fills and sends "Benutzer:in anlegen"; returns the one-time password shown (the dialog stays open). */
async function createAccount(page: Page, person: { firstName: string; lastName: string; email: string; role: string; team?: string }, checkA11y = false): Promise<string> {
  await page.getByRole('button', { name: 'Benutzer:in anlegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Benutzer:in anlegen' });
  await expect(dialog).toBeVisible();
  // The dialog moves the focus to its first field once it has opened; typing before that lands in the wrong field.
  await expect(dialog.getByLabel('Vorname')).toBeFocused();
  await dialog.getByLabel('Vorname').fill(person.firstName);
  await dialog.getByLabel('Nachname').fill(person.lastName);
  await dialog.getByLabel('E-Mail-Adresse').fill(person.email);
  await dialog.getByRole('combobox', { name: 'Rolle' }).click();
  await page.getByRole('option', { name: person.role, exact: true }).click();
  if (person.team) {
    await dialog.getByRole('combobox', { name: 'Team' }).click();
    await page.getByRole('option', { name: person.team, exact: true }).click();
  } else {
    await expect(dialog.getByRole('combobox', { name: 'Team' })).toHaveCount(0);
  }
  if (checkA11y) expect(await violations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Anlegen' }).click();
  await expect(dialog).toBeHidden();
  const shown = page.getByRole('dialog', { name: 'Einmalpasswort' });
  await expect(shown).toContainText(`Das Konto von ${person.firstName} ${person.lastName} ist angelegt.`);
  await expect(shown).toContainText('Bei der ersten Anmeldung muss ein eigenes Passwort festgelegt werden.');
  await expect(shown).toContainText('kann später nicht wieder angezeigt werden');
  return ((await shown.locator('code').textContent()) ?? '').trim();
}

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  adminContext = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  admin = await adminContext.newPage();
  await signInWithTotp(admin, DEMO_ACCOUNTS.admin);
  await expect(admin).toHaveURL(/\/verwaltung\/benutzer$/);
});

test.afterAll(async () => {
  await adminContext?.close();
});

test('the administrator creates a manager whose one-time password signs in once; deactivation ends the session', async ({ browser }) => {
  test.setTimeout(120_000);
  await openUsers(admin);
  const [team] = (await (await admin.request.get('/api/teams')).json()) as { name: string }[];
  expect(team, 'a team of Beispielheim').toBeDefined();
  const person = { firstName: 'Nina', lastName: 'Neuberg', email: uniqueEmail('nina.neuberg'), role: 'Integrationsmanager:in', team: team.name };

  const oneTimePassword = await createAccount(admin, person);
  expect(oneTimePassword).toMatch(/^([a-z2-9]{4}-){5}[a-z2-9]{4}$/);
  const shown = admin.getByRole('dialog', { name: 'Einmalpasswort' });
  await shown.getByRole('button', { name: 'Kopieren' }).click();
  await expect(shown.getByRole('status')).toHaveText('Das Einmalpasswort ist in die Zwischenablage kopiert.');
  expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(oneTimePassword);
  await shown.getByRole('button', { name: 'Fertig' }).click();
  await expect(shown).toBeHidden();
  await expect(admin.getByRole('status').filter({ hasText: 'Das Konto von Nina Neuberg ist angelegt.' })).toBeVisible();
  const created = card(admin, 'Nina Neuberg');
  await expect(created).toContainText(person.email);
  await expect(created).toContainText('Integrationsmanager:in');
  await expect(created).toContainText(team.name);
  await expect(created).toContainText('aktiv');
  // Shown once: nothing on the page or in the API answers carries it any more.
  await expect(admin.locator('body')).not.toContainText(oneTimePassword);
  expect(JSON.stringify(await accounts(admin.request))).not.toContain(oneTimePassword);

  // The new person signs in with it, must choose a password, then sees an empty "Heute".
  const personContext = await browser.newContext();
  const newcomer = await personContext.newPage();
  await signIn(newcomer, person.email, oneTimePassword);
  await expect(newcomer).toHaveURL(/\/anmelden\/passwort$/);
  await newcomer.getByLabel('Bisheriges Passwort').fill(oneTimePassword);
  await newcomer.getByLabel('Neues Passwort', { exact: true }).fill(NEW_PASSWORD);
  await newcomer.getByLabel('Neues Passwort wiederholen').fill(NEW_PASSWORD);
  await newcomer.getByRole('button', { name: 'Passwort speichern' }).click();
  await expect(newcomer).toHaveURL(/\/heute$/);
  await expect(newcomer.getByRole('heading', { level: 1, name: 'Heute' })).toBeVisible();
  await expect(newcomer.getByText('Heute keine Termine.')).toBeVisible();
  await expect(newcomer.getByText('Keine fälligen Schritte.')).toBeVisible();
  // No client of their own yet (the team's clients are visible to every manager of the team).
  expect(await listClients(newcomer.request, '&mine=true')).toEqual([]);

  // The administrator deactivates the account (after a confirmation): the open session ends.
  await created.getByRole('button', { name: 'Deaktivieren' }).click();
  const confirm = admin.getByRole('dialog', { name: 'Konto deaktivieren?' });
  await expect(confirm).toContainText('offene Sitzungen werden sofort beendet');
  await confirm.getByRole('button', { name: 'Deaktivieren' }).click();
  await expect(confirm).toBeHidden();
  await expect(admin.getByRole('status').filter({ hasText: 'Das Konto von Nina Neuberg ist deaktiviert' })).toBeVisible();
  await expect(created).toContainText('deaktiviert');
  await expect(created.getByRole('button', { name: 'Reaktivieren' })).toBeVisible();

  // The person's next step in the app lands on the sign-in page; signing in again is refused.
  await newcomer.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Fallbestand' }).click();
  await expect(newcomer).toHaveURL(/\/anmelden$/);
  await expect(newcomer.getByRole('heading', { level: 2, name: 'Anmelden' })).toBeVisible();
  expect((await newcomer.request.get('/api/auth/me')).status()).toBe(401);
  await signIn(newcomer, person.email, NEW_PASSWORD);
  await expect(newcomer.getByRole('alert')).toContainText('E-Mail-Adresse oder Passwort ist falsch');
  await personContext.close();
});

test('the administrator unlocks an account locked by five wrong passwords and resets a second factor; both are in the audit trail', async ({ playwright, browser }) => {
  test.setTimeout(240_000);
  const evaluatorEmail = DEMO_ACCOUNTS.evaluator;
  const dpoEmail = DEMO_ACCOUNTS.dpo;

  // Five wrong passwords lock the evaluator; then even the right one is refused.
  const outsider = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const tryPassword = async (password: string) => {
    const csrf = ((await (await outsider.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
    return (await outsider.post('/api/auth/login', { headers: { 'X-CSRF-Token': csrf }, data: { email: evaluatorEmail, password } })).status();
  };
  for (let attempt = 0; attempt < 5; attempt++) expect(await tryPassword('Falsches-Passwort-123')).toBe(401);
  expect(await tryPassword(DEMO_PASSWORD)).toBe(401);

  // The data-protection officer has a second factor (set up now if no spec did so earlier in this run).
  const dpoContext = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInWithTotpViaApi(dpoContext, dpoEmail);
  expect((await dpoContext.get('/api/auth/me')).status()).toBe(200);

  await openUsers(admin);
  const evaluatorId = await accountId(admin.request, evaluatorEmail);
  const dpoId = await accountId(admin.request, dpoEmail);
  const adminId = ((await (await admin.request.get('/api/auth/me')).json()) as { me: { id: string } }).me.id;

  // The list shows the lock (also through the "Gesperrt" filter); "Entsperren" lifts it.
  await admin.getByRole('combobox', { name: 'Gesperrt' }).click();
  await admin.getByRole('option', { name: 'Nur gesperrte' }).click();
  const evaluator = card(admin, 'Ralf Braun');
  await expect(evaluator).toContainText('gesperrt');
  await expect(admin.getByText(/^1 Konto von \d+$/)).toBeVisible();
  await evaluator.getByRole('button', { name: 'Entsperren' }).click();
  const unlock = admin.getByRole('dialog', { name: 'Konto entsperren?' });
  await expect(unlock).toContainText('nach zu vielen falschen Passwörtern gesperrt');
  expect(await violations(admin)).toEqual([]);
  await unlock.getByRole('button', { name: 'Entsperren' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Das Konto von Ralf Braun ist entsperrt.' })).toBeVisible();
  await expect(admin.getByText('Keine Konten passen zu den Filtern.')).toBeVisible();
  await admin.getByRole('button', { name: 'Filter zurücksetzen' }).click();
  await expect(card(admin, 'Ralf Braun')).not.toContainText('gesperrt');
  expect(await tryPassword(DEMO_PASSWORD)).toBe(200);

  // "Zweiten Faktor zurücksetzen": the confirmation says the person must set it up again; the DPO's session ends.
  await admin.getByLabel('Suche nach Name oder E-Mail').fill('schmitt');
  const dpo = card(admin, 'Tobias Schmitt');
  await expect(dpo).toContainText('Zweiter Faktor eingerichtet');
  await dpo.getByRole('button', { name: 'Zweiten Faktor zurücksetzen' }).click();
  const reset = admin.getByRole('dialog', { name: 'Zweiten Faktor zurücksetzen?' });
  await expect(reset).toContainText('Tobias Schmitt muss den zweiten Faktor bei der nächsten Anmeldung neu einrichten.');
  expect(await violations(admin)).toEqual([]);
  await reset.getByRole('button', { name: 'Zweiten Faktor zurücksetzen' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Der zweite Faktor von Tobias Schmitt ist zurückgesetzt.' })).toBeVisible();
  await expect(dpo).toContainText('Zweiter Faktor nicht eingerichtet');
  await expect(dpo.getByRole('button', { name: 'Zweiten Faktor zurücksetzen' })).toHaveCount(0);
  expect((await dpoContext.get('/api/auth/me')).status()).toBe(401);

  // The DPO signs in again: the second factor has to be set up anew; then the audit trail shows both actions.
  const csrf = ((await (await dpoContext.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
  const login = await dpoContext.post('/api/auth/login', { headers: { 'X-CSRF-Token': csrf }, data: { email: dpoEmail, password: DEMO_PASSWORD } });
  expect(((await login.json()) as { me: { stage: string } }).me.stage).toBe('totp_enrol');
  await signInWithTotpViaApi(dpoContext, dpoEmail);
  const audit = await dpoContext.get(`/api/audit?userId=${adminId}&limit=200`);
  expect(audit.status()).toBe(200);
  const events = ((await audit.json()) as { items: { action: string; outcome: string; entityType: string; entityId: string }[] }).items;
  expect(events).toContainEqual(expect.objectContaining({ action: 'update', outcome: 'success', entityType: 'user_lock', entityId: evaluatorId }));
  expect(events).toContainEqual(expect.objectContaining({ action: 'update', outcome: 'success', entityType: 'user_totp', entityId: dpoId }));
  await outsider.dispose();
  await dpoContext.dispose();

  // … and the DPO's audit table (Datenschutz → Protokoll), filtered by the administrator, shows both actions.
  const adminMe = ((await (await admin.request.get('/api/auth/me')).json()) as { me: { firstName: string; lastName: string } }).me;
  const dpoBrowser = await browser.newContext();
  const dpoPage = await dpoBrowser.newPage();
  await signInWithTotp(dpoPage, dpoEmail);
  await dpoPage.goto('/datenschutz/protokoll');
  await dpoPage.getByRole('combobox', { name: 'Person' }).click();
  await dpoPage.getByRole('option', { name: `${adminMe.firstName} ${adminMe.lastName} (Administration)` }).click();
  await dpoPage.getByRole('button', { name: 'Suchen' }).click();
  const log = dpoPage.getByRole('table', { name: 'Protokolleinträge' });
  await expect(log.getByRole('row').filter({ hasText: 'Kontosperre' }).filter({ hasText: 'Ändern' }).first()).toBeVisible();
  await expect(log.getByRole('row').filter({ hasText: 'Zweiter Faktor' }).filter({ hasText: 'Ändern' }).first()).toBeVisible();
  await dpoBrowser.close();
});

test('the list, every dialog and the confirmations pass axe at 1366×768 and 768×1024 without horizontal scroll', async () => {
  test.setTimeout(180_000);
  for (const viewport of VIEWPORTS) {
    await admin.setViewportSize(viewport);
    await openUsers(admin);
    const at = `${viewport.width}×${viewport.height}`;
    expect(await violations(admin), `list at ${at}`).toEqual([]);
    expect(await noHorizontalScroll(admin), `list at ${at}`).toBe(true);
    await admin.screenshot({ path: join(SCREENSHOTS, `user-admin-${viewport.width}.png`), fullPage: true });

    const lastName = `Prüfer${viewport.width}`;
    await createAccount(admin, { firstName: 'Paula', lastName, email: uniqueEmail('paula'), role: 'Evaluation' }, true);
    expect(await violations(admin), `one-time password at ${at}`).toEqual([]);
    expect(await noHorizontalScroll(admin), `one-time password at ${at}`).toBe(true);
    await admin.screenshot({ path: join(SCREENSHOTS, `user-admin-password-${viewport.width}.png`) });
    await admin.getByRole('dialog', { name: 'Einmalpasswort' }).getByRole('button', { name: 'Fertig' }).click();

    const paula = card(admin, `Paula ${lastName}`);
    await paula.getByRole('button', { name: 'Rolle und Team' }).click();
    const edit = admin.getByRole('dialog', { name: `Rolle und Team von Paula ${lastName}` });
    await expect(edit.getByRole('combobox', { name: 'Rolle' })).toContainText('Evaluation');
    expect(await violations(admin), `edit at ${at}`).toEqual([]);
    await edit.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(edit).toBeHidden();

    for (const [button, title] of [
      ['Deaktivieren', 'Konto deaktivieren?'],
      ['Passwort zurücksetzen', 'Passwort zurücksetzen?'],
    ] as const) {
      await paula.getByRole('button', { name: button }).click();
      const confirm = admin.getByRole('dialog', { name: title });
      await expect(confirm).toBeVisible();
      expect(await violations(admin), `${title} at ${at}`).toEqual([]);
      expect(await noHorizontalScroll(admin), `${title} at ${at}`).toBe(true);
      await confirm.getByRole('button', { name: 'Abbrechen' }).click();
      await expect(confirm).toBeHidden();
    }

    // A reset password is shown in the same one-time dialog.
    await paula.getByRole('button', { name: 'Passwort zurücksetzen' }).click();
    await admin.getByRole('dialog', { name: 'Passwort zurücksetzen?' }).getByRole('button', { name: 'Passwort zurücksetzen' }).click();
    const shown = admin.getByRole('dialog', { name: 'Einmalpasswort' });
    await expect(shown).toContainText(`Das Passwort von Paula ${lastName} ist zurückgesetzt.`);
    await expect(shown.locator('code')).toHaveText(/^([a-z2-9]{4}-){5}[a-z2-9]{4}$/);
    expect(await violations(admin), `reset one-time password at ${at}`).toEqual([]);
    await shown.getByRole('button', { name: 'Fertig' }).click();
    await expect(shown).toBeHidden();
  }
});
