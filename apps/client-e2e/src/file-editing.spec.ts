import { APIRequestContext, Browser, BrowserContext, Locator, Page, expect, test } from '@playwright/test';
import { csrfToken, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/**
 * Issue 16, acceptance 3, 6, 10 and 11 (inline forms): personal data, qualifications, work experience and languages
 * are edited in place and each change is in the timeline with who made it; two people editing the same personal data
 * get the conflict dialog without losing what they typed; recording B1 names the closed goals, raises the German
 * level and "Rückgängig" restores both; after saving an inline goal form the focus is inside that goal.
 * Every test works on clients it creates itself (through the API with the page's session).
 */

const MANAGER_NAME = 'Julia Neumann';

async function newContext(browser: Browser, viewport = { width: 1366, height: 768 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport,
  });
  const page = await context.newPage();
  await signIn(page, DEMO_ACCOUNTS.manager);
  await expect(page).not.toHaveURL(/\/anmelden/);
  return { context, page };
}

async function createClient(request: APIRequestContext, lastName: string): Promise<string> {
  const created = await request.post('/api/clients', {
    headers: { 'X-CSRF-Token': await csrfToken(request) },
    data: {
      firstName: 'Amira',
      lastName,
      firstNameOriginal: 'أميرة',
      dateOfBirth: '1991-04-12',
      gender: 'female',
      countryOfOrigin: 'SY',
      nationalities: ['SY'],
      languagesSpoken: ['ar'],
      residenceStatus: 'permission_to_reside',
      phone: '0151 1111111',
    },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

async function post(request: APIRequestContext, method: 'post' | 'put', url: string, data: object): Promise<void> {
  const response = await request[method](url, {
    headers: { 'X-CSRF-Token': await csrfToken(request) },
    data,
  });
  expect(response.ok(), `${method} ${url}`).toBe(true);
}

/** The focused element lies inside `container`. */
async function focusInside(container: Locator): Promise<boolean> {
  return container.evaluate((element) => element.contains(document.activeElement) && document.activeElement !== document.body);
}

/**
 * At 768 px nothing of the file's content (the tab panel with the open form) sticks out sideways or scrolls inside.
 * The top bar is outside this part of the issue (its collapse into a menu is tested with the tablet layout).
 */
async function fitsWidth(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const panel = document.querySelector('[role="tabpanel"]');
    const wide = [...(panel?.querySelectorAll('*') ?? [])]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
    return { panel: panel !== null, wide, scrolls: panel ? panel.scrollWidth > panel.clientWidth + 1 : true };
  });
  expect(overflow.panel).toBe(true);
  expect(overflow.wide, 'elements sticking out').toEqual([]);
  expect(overflow.scrolls).toBe(false);
}

test.describe('editing the client file in place', () => {
  test('personal data and schooling are edited in place; each change is in the timeline with who', async ({ browser }) => {
    test.setTimeout(60_000);
    const { context, page } = await newContext(browser);
    const clientId = await createClient(page.request, 'Edit-Testfall');

    // Personal data: the form opens in place with the focus in it, saves and gives the focus back.
    await page.goto(`/klienten/${clientId}/ueberblick`);
    const overview = page.getByRole('tabpanel', { name: 'Überblick' });
    await overview.getByRole('button', { name: 'Persönliche Daten bearbeiten' }).click();
    const personal = overview.getByRole('form', {
      name: 'Persönliche Daten bearbeiten',
    });
    await expect(personal).toBeVisible();
    expect(await focusInside(personal)).toBe(true);
    await personal.getByLabel('Telefon').fill('0151 2222222');
    await personal.getByRole('combobox', { name: 'Aufenthaltsstatus' }).click();
    await page.getByRole('option', { name: 'Aufenthaltserlaubnis (Flüchtling)' }).click();
    await personal.getByLabel('Aufenthalt gültig bis').fill('2029-03-31');
    expect(await violations(page), 'axe: personal data form').toEqual([]);
    await personal.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByText('Persönliche Daten gespeichert')).toBeVisible();
    await expect(personal).toHaveCount(0);
    await expect(overview.getByRole('button', { name: 'Persönliche Daten bearbeiten' })).toBeFocused();
    await expect(overview).toContainText('0151 2222222');
    await expect(overview).toContainText('Aufenthaltserlaubnis (Flüchtling)');
    await expect(overview).toContainText('31.03.2029');

    // Qualifications: schooling and training.
    await page.getByRole('tab', { name: 'Qualifikationen & Sprachen' }).click();
    const tab = page.getByRole('tabpanel', {
      name: 'Qualifikationen & Sprachen',
    });
    await tab.getByRole('button', { name: 'Schulbildung und Ausbildung bearbeiten' }).click();
    const school = tab.getByRole('form', {
      name: 'Schulbildung und Ausbildung bearbeiten',
    });
    expect(await focusInside(school)).toBe(true);
    await school.getByLabel('Schuljahre').fill('10');
    await school.getByLabel('Berufsausbildung').fill('Schneiderin');
    expect(await violations(page), 'axe: qualifications form').toEqual([]);
    await school.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByText('Schulbildung und Ausbildung gespeichert')).toBeVisible();
    await expect(tab).toContainText('Schneiderin');

    // The timeline: each change, with who made it.
    await page.getByRole('tab', { name: 'Verlauf' }).click();
    const timeline = page.getByRole('tabpanel', { name: 'Verlauf' });
    for (const kind of ['Persönliche Daten geändert', 'Schulbildung/Ausbildung geändert']) {
      await expect(timeline.getByRole('listitem').filter({ hasText: kind }).first(), kind).toContainText(`von ${MANAGER_NAME}`);
    }
    await context.close();
  });

  test('a work experience is added, edited, deleted and restored, a language level raised; each change is in the timeline with who', async ({ browser }) => {
    test.setTimeout(60_000);
    const { context, page } = await newContext(browser);
    const clientId = await createClient(page.request, 'Beruf-Testfall');
    await page.goto(`/klienten/${clientId}/qualifikationen`);
    const tab = page.getByRole('tabpanel', { name: 'Qualifikationen & Sprachen' });

    await tab.getByRole('button', { name: 'Berufserfahrung hinzufügen' }).click();
    const addWork = tab.getByRole('form', {
      name: 'Berufserfahrung hinzufügen',
    });
    await addWork.getByLabel('Tätigkeit').fill('Näherin');
    await addWork.getByLabel('Jahre').fill('3');
    await addWork.getByLabel('Land (Ländercode)').fill('SY');
    await addWork.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByText('Berufserfahrung hinzugefügt')).toBeVisible();
    const work = tab.getByRole('listitem', { name: 'Näherin' });
    await expect(work).toContainText('3 Jahre');
    await work.getByRole('button', { name: 'Näherin bearbeiten' }).click();
    const editWork = tab.getByRole('form', {
      name: 'Berufserfahrung bearbeiten',
    });
    await editWork.getByLabel('Jahre').fill('4');
    await editWork.getByRole('button', { name: 'Speichern' }).click();
    await expect(page.getByText('Berufserfahrung gespeichert')).toBeVisible();
    await expect(work).toContainText('4 Jahre');
    await expect(work.getByRole('button', { name: 'Näherin bearbeiten' })).toBeFocused();

    // Deleting is undoable from the snackbar (it adds the entry again; the timeline keeps both).
    await work.getByRole('button', { name: 'Näherin löschen' }).click();
    await expect(work).toHaveCount(0);
    await page.locator('mat-snack-bar-container').filter({ hasText: 'Berufserfahrung gelöscht' }).getByRole('button', { name: 'Rückgängig' }).click();
    await expect(tab.getByRole('listitem', { name: 'Näherin' })).toContainText('4 Jahre');

    await tab.getByRole('button', { name: 'Sprache hinzufügen' }).click();
    const addLanguage = tab.getByRole('form', { name: 'Sprache hinzufügen' });
    await addLanguage.getByLabel('Sprache (Sprachcode)').fill('de');
    await addLanguage.getByRole('combobox', { name: 'Niveau' }).click();
    await page.getByRole('option', { name: 'A1', exact: true }).click();
    await addLanguage.getByRole('button', { name: 'Speichern' }).click();
    const german = tab.getByRole('listitem', { name: /Deutsch/ });
    await expect(german).toContainText('A1');
    await german.getByRole('button', { name: 'Deutsch bearbeiten' }).click();
    const editLanguage = tab.getByRole('form', {
      name: 'Sprachkenntnisse bearbeiten',
    });
    expect(await focusInside(editLanguage)).toBe(true);
    await editLanguage.getByRole('combobox', { name: 'Niveau' }).click();
    await page.getByRole('option', { name: 'A2', exact: true }).click();
    await editLanguage.getByLabel('Zertifikat', { exact: true }).fill('telc Deutsch A2');
    await editLanguage.getByLabel('Zertifikat vom').fill('2026-05-20');
    expect(await violations(page), 'axe: language form').toEqual([]);
    await editLanguage.getByRole('button', { name: 'Speichern' }).click();
    // The first save's message may still be leaving (a new snack bar replaces it with an exit animation): the newest one.
    await expect(page.locator('mat-snack-bar-container').getByText('Sprachkenntnisse gespeichert').last()).toBeVisible();
    await expect(german).toContainText('A2');
    await expect(german).toContainText('telc Deutsch A2');
    await expect(german.getByRole('button', { name: 'Deutsch bearbeiten' })).toBeFocused();

    // The timeline: each change, with who made it.
    await page.getByRole('tab', { name: 'Verlauf' }).click();
    const timeline = page.getByRole('tabpanel', { name: 'Verlauf' });
    for (const kind of ['Berufserfahrung hinzugefügt', 'Berufserfahrung geändert', 'Berufserfahrung gelöscht', 'Sprachkenntnisse geändert']) {
      await expect(timeline.getByRole('listitem').filter({ hasText: kind }).first(), kind).toContainText(`von ${MANAGER_NAME}`);
    }
    await expect(timeline.getByRole('listitem').filter({ hasText: 'Sprachkenntnisse geändert' })).toHaveCount(2);
    await expect(timeline.getByRole('listitem').filter({ hasText: 'Berufserfahrung hinzugefügt' })).toHaveCount(2);
    await context.close();
  });

  test('two people edit the same personal data: the second gets the conflict dialog and keeps what she typed', async ({ browser }) => {
    test.setTimeout(60_000);
    const first = await newContext(browser);
    const second = await newContext(browser);
    const clientId = await createClient(first.page.request, 'Konflikt-Testfall');

    const open = async (page: Page) => {
      await page.goto(`/klienten/${clientId}/ueberblick`);
      const overview = page.getByRole('tabpanel', { name: 'Überblick' });
      await overview.getByRole('button', { name: 'Persönliche Daten bearbeiten' }).click();
      return overview.getByRole('form', {
        name: 'Persönliche Daten bearbeiten',
      });
    };
    const formA = await open(first.page);
    const formB = await open(second.page);

    await formA.getByLabel('Telefon').fill('0170 1234567');
    await formA.getByRole('button', { name: 'Speichern' }).click();
    await expect(first.page.getByText('Persönliche Daten gespeichert')).toBeVisible();

    const typed = 'Lindenstraße 12, 12345 Beispielheim';
    await formB.getByLabel('Telefon').fill('0160 7654321');
    await formB.getByLabel('Adresse').fill(typed);
    await formB.getByRole('button', { name: 'Speichern' }).click();
    const dialog = second.page.getByRole('dialog', {
      name: 'Inzwischen von jemand anderem gespeichert',
    });
    await expect(dialog).toBeVisible();
    const phone = dialog.getByRole('region', { name: 'Telefon' });
    await expect(phone).toContainText('0160 7654321');
    await expect(phone).toContainText('0170 1234567');
    await expect(dialog.getByRole('region', { name: 'Adresse' })).toContainText(typed);
    expect(await violations(second.page), 'axe: conflict dialog').toEqual([]);

    // Closing the dialog keeps everything she typed; saving again she keeps her version.
    await second.page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(formB.getByLabel('Adresse')).toHaveValue(typed);
    await expect(formB.getByLabel('Telefon')).toHaveValue('0160 7654321');
    await formB.getByRole('button', { name: 'Speichern' }).click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Meine Fassung speichern' }).click();
    await expect(second.page.getByText('Persönliche Daten gespeichert')).toBeVisible();

    const saved = (await (await second.page.request.get(`/api/clients/${clientId}`)).json()) as { phone: string; address: string };
    expect(saved).toEqual(expect.objectContaining({ phone: '0160 7654321', address: typed }));
    await first.context.close();
    await second.context.close();
  });

  test('recording B1 names the closed goals and shows German B1; undo restores both; the same outcome again is refused', async ({ browser }) => {
    test.setTimeout(60_000);
    const { context, page } = await newContext(browser);
    const clientId = await createClient(page.request, 'Sprachstand-Testfall');
    const target = 'Integrationskurs mit B1 abschließen';
    await post(page.request, 'post', `/api/clients/${clientId}/plan/goals`, {
      fieldOfAction: 'language',
      target,
      targetLevel: 'B1',
      dueOn: '2027-06-30',
      state: 'in_progress',
    });
    await post(page.request, 'put', `/api/clients/${clientId}/languages/de`, {
      version: 0,
      level: 'A1',
    });

    await page.goto(`/klienten/${clientId}/ergebnisse`);
    const outcomes = page.getByRole('tabpanel', { name: 'Ergebnisse' });
    const record = async () => {
      await outcomes.getByRole('button', { name: 'Ergebnis erfassen' }).click();
      const form = outcomes.getByRole('form', { name: 'Neues Ergebnis' });
      await form.getByRole('radiogroup', { name: 'Art des Ergebnisses' }).getByRole('radio', { name: 'Deutsch B1 erreicht' }).check();
      await form.getByRole('combobox', { name: 'Niveau' }).click();
      await page.getByRole('option', { name: 'B1', exact: true }).click();
      await form.getByLabel('Zertifikat (optional)').fill('telc Deutsch B1');
      await form.getByRole('button', { name: 'Ergebnis speichern' }).click();
      return form;
    };
    await record();
    const snackbar = page.locator('mat-snack-bar-container').filter({ hasText: 'Ergebnis gespeichert' });
    await expect(snackbar).toContainText(`Sprachziel erreicht: „${target}“`);
    await expect(snackbar).toContainText('Deutsch jetzt B1');

    await page.getByRole('tab', { name: 'Qualifikationen & Sprachen' }).click();
    const german = page.getByRole('tabpanel', { name: 'Qualifikationen & Sprachen' }).getByRole('listitem', { name: /Deutsch/ });
    await expect(german).toContainText('B1');
    await expect(german).toContainText('telc Deutsch B1');
    await page.getByRole('tab', { name: 'Integrationsplan' }).click();
    const goal = page.getByRole('tabpanel', { name: 'Integrationsplan' }).getByRole('article', { name: target });
    await expect(goal.getByText('erreicht', { exact: true })).toBeVisible();

    await snackbar.getByRole('button', { name: 'Rückgängig' }).click();
    await expect(page.getByText('Rückgängig gemacht')).toBeVisible();
    await expect(goal.getByText('in Arbeit', { exact: true })).toBeVisible();
    await page.getByRole('tab', { name: 'Qualifikationen & Sprachen' }).click();
    await expect(german).toContainText('A1');
    await expect(german).not.toContainText('telc Deutsch B1');

    // The undo leaves a trace; recording again works, a second identical outcome is refused with a clear message.
    await page.getByRole('tab', { name: 'Verlauf' }).click();
    await expect(page.getByRole('tabpanel', { name: 'Verlauf' }).getByRole('listitem').filter({ hasText: 'Ergebnis rückgängig gemacht' })).toContainText(
      `von ${MANAGER_NAME}`,
    );
    await page.getByRole('tab', { name: 'Ergebnisse' }).click();
    await record();
    await expect(snackbar).toContainText('Deutsch jetzt B1');
    const again = await record();
    await expect(again.getByRole('alert')).toHaveText('Dieses Ergebnis ist bereits erfasst.');
    await context.close();
  });

  test('after saving the inline goal form the focus is inside the changed goal', async ({ browser }) => {
    const { context, page } = await newContext(browser);
    const clientId = await createClient(page.request, 'Fokus-Testfall');
    await post(page.request, 'post', `/api/clients/${clientId}/plan/goals`, {
      fieldOfAction: 'work',
      target: 'Arbeitsstelle finden',
      dueOn: '2027-03-31',
    });

    await page.goto(`/klienten/${clientId}/integrationsplan`);
    const plan = page.getByRole('tabpanel', { name: 'Integrationsplan' });
    await plan.getByRole('article', { name: 'Arbeitsstelle finden' }).getByRole('button', { name: 'Ziel bearbeiten' }).click();
    const form = plan.getByRole('form', { name: 'Ziel bearbeiten' });
    expect(await focusInside(form)).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Arbeitsstelle im Lager finden');
    await form.getByRole('button', { name: 'Änderungen speichern' }).click();
    await expect(page.getByText('Ziel gespeichert')).toBeVisible();
    const changed = plan.getByRole('article', {
      name: 'Arbeitsstelle im Lager finden',
    });
    await expect(changed).toBeVisible();
    await expect.poll(() => focusInside(changed)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    await context.close();
  });

  test('at 768 × 1024 the forms fit without horizontal scroll and pass axe', async ({ browser }) => {
    test.setTimeout(60_000);
    const { context, page } = await newContext(browser, {
      width: 768,
      height: 1024,
    });
    const clientId = await createClient(page.request, 'Tablet-Testfall');
    await post(page.request, 'post', `/api/clients/${clientId}/work-experience`, { occupation: 'Verkäuferin', years: 2 });

    await page.goto(`/klienten/${clientId}/ueberblick`);
    const overview = page.getByRole('tabpanel', { name: 'Überblick' });
    await overview.getByRole('button', { name: 'Persönliche Daten bearbeiten' }).click();
    await expect(overview.getByRole('form', { name: 'Persönliche Daten bearbeiten' })).toBeVisible();
    await fitsWidth(page);
    expect(await violations(page), 'axe: personal data form at 768').toEqual([]);

    await page.getByRole('tab', { name: 'Qualifikationen & Sprachen' }).click();
    const tab = page.getByRole('tabpanel', {
      name: 'Qualifikationen & Sprachen',
    });
    await tab.getByRole('button', { name: 'Verkäuferin bearbeiten' }).click();
    await expect(tab.getByRole('form', { name: 'Berufserfahrung bearbeiten' })).toBeVisible();
    await fitsWidth(page);
    expect(await violations(page), 'axe: work experience form at 768').toEqual([]);
    await tab.getByRole('form', { name: 'Berufserfahrung bearbeiten' }).getByRole('button', { name: 'Abbrechen' }).click();
    await tab.getByRole('button', { name: 'Sprache hinzufügen' }).click();
    await tab.getByRole('form', { name: 'Sprache hinzufügen' }).getByLabel('Sprache (Sprachcode)').fill('de');
    await expect(tab.getByRole('form', { name: 'Sprache hinzufügen' }).getByLabel('Zertifikat vom')).toBeVisible();
    await fitsWidth(page);
    expect(await violations(page), 'axe: language form at 768').toEqual([]);
    await context.close();
  });
});
