import { Browser, Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { OTHER_TEAM_MANAGER, SCREENSHOTS, listClients, signInViaApi, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/** Issue 16, acceptance 1 (intake with duplicate check), 10 (axe, no horizontal scroll) and 11 (keyboard only) for /aufnahme. */

interface Person {
  id: string;
  caseNumber: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
}

/** The panel's words for a match in another team ("Team Süd" is named as it is, "Süd" as "Team Süd"). */
const OTHER_TEAM_TEXT = (team: string) => `Mögliche Übereinstimmung im ${/^Team\b/i.test(team) ? team : `Team ${team}`} – bitte Teamleitung fragen`;

/** A client of the other team and that team's name, as its manager sees them (a separate context). */
async function otherTeamClient(browser: Browser): Promise<{ client: Person; teamName: string }> {
  const context = await browser.newContext();
  try {
    await signInViaApi(context.request, OTHER_TEAM_MANAGER);
    const { me } = (await (await context.request.get('/api/auth/me')).json()) as { me: { team: { name: string } } };
    const [client] = (await listClients(context.request)) as unknown as Person[];
    expect(client).toBeDefined();
    return { client: client as Person, teamName: me.team.name };
  } finally {
    await context.close();
  }
}

async function openIntake(page: Page): Promise<void> {
  await signIn(page, DEMO_ACCOUNTS.manager);
  await expect(page).not.toHaveURL(/\/anmelden/);
  await page.goto('/aufnahme');
  await expect(page.getByRole('heading', { level: 1, name: 'Neue:r Klient:in aufnehmen' })).toBeVisible();
}

/** Fills first name, last name and date of birth (what the duplicate check needs). */
async function typeIdentity(page: Page, firstName: string, lastName: string, dateOfBirth: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Vorname (lateinisch)' }).fill(firstName);
  await page.getByRole('textbox', { name: 'Nachname (lateinisch)' }).fill(lastName);
  const [year, month, day] = dateOfBirth.split('-');
  await page.getByRole('textbox', { name: 'Geburtsdatum' }).fill(`${day}.${month}.${year}`);
}

/** The page does not scroll sideways (document width <= viewport), and nothing of this screen (main content, dialogs) reaches past the viewport. */
const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => {
    const main = document.querySelector('main');
    const panes = Array.from(document.querySelectorAll<HTMLElement>('.cdk-overlay-pane'));
    return (
      document.documentElement.scrollWidth <= window.innerWidth &&
      !!main &&
      main.scrollWidth <= main.clientWidth &&
      main.getBoundingClientRect().right <= window.innerWidth &&
      panes.every((pane) => pane.getBoundingClientRect().right <= window.innerWidth + 0.5 && pane.scrollWidth <= pane.clientWidth)
    );
  });

test('keyboard only: a manager takes in a client with an Arabic-script name; the draft survives a reload; the file opens with a case number and is in her own caseload', async ({ page }) => {
  test.setTimeout(45_000);
  await openIntake(page);
  const suffix = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  // "Zuhair-…" sorts after every demo name: other specs' picks by position in the caseload stay where they were.
  const lastName = `Zuhair-${suffix}`;

  // The first field has the focus; Tab moves on, typing fills in.
  await expect(page.getByRole('textbox', { name: 'Vorname (lateinisch)' })).toBeFocused();
  await page.keyboard.type('Rania');
  await page.keyboard.press('Tab');
  await page.keyboard.type(lastName);
  await page.keyboard.press('Tab');
  await page.keyboard.type('رانيا');
  await page.keyboard.press('Tab');
  await page.keyboard.type('زهير');
  await expect(page.getByRole('textbox', { name: 'Nachname in Originalschrift' })).toHaveAttribute('dir', 'auto');

  // A reload keeps the draft (in the page's history entry; nothing in web storage).
  await page.waitForFunction(() => (window.history.state as { wwIntakeDraft?: { lastNameOriginal?: string } } | null)?.wwIntakeDraft?.lastNameOriginal === 'زهير');
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Ihr Entwurf wurde wiederhergestellt.' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Nachname (lateinisch)' })).toHaveValue(lastName);
  await expect(page.getByRole('textbox', { name: 'Vorname in Originalschrift' })).toHaveValue('رانيا');
  expect(await page.evaluate(() => window.sessionStorage.length + window.localStorage.length)).toBe(0);

  // On to the date of birth (typed as digits: 15.03.1990), gender and country of origin by typing, then Ctrl+Enter.
  await expect(page.getByRole('textbox', { name: 'Vorname (lateinisch)' })).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Geburtsdatum' })).toBeFocused();
  await page.keyboard.type('15031990');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Geburtsdatum' })).toHaveValue('15.03.1990');
  await expect(page.getByRole('combobox', { name: 'Geschlecht' })).toBeFocused();
  await page.keyboard.type('w');
  await expect(page.getByRole('combobox', { name: 'Geschlecht' })).toContainText('weiblich');
  await expect(page.getByRole('status').filter({ hasText: 'Keine mögliche Übereinstimmung gefunden.' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Herkunftsland' })).toBeFocused();
  await page.keyboard.type('Syr');
  await expect(page.getByRole('combobox', { name: 'Herkunftsland' })).toContainText('Syrien');
  await page.keyboard.press('Control+Enter');

  await expect(page).toHaveURL(/\/klienten\/[0-9a-f-]{36}/);
  const id = /\/klienten\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  const created = (await (await page.request.get(`/api/clients/${id}`)).json()) as Person & { firstNameOriginal: string; responsibleManagerId: string; supportStart: string };
  expect(created).toEqual(expect.objectContaining({ firstName: 'Rania', lastName, firstNameOriginal: 'رانيا', dateOfBirth: '1990-03-15', countryOfOrigin: 'SY', gender: 'female' }));
  expect(created.caseNumber).toMatch(/^[A-Z]{2,8}-\d{4}-\d{5}$/);
  await expect(page.getByText(created.caseNumber, { exact: true })).toBeVisible();
  // Nothing of the draft is left behind: "Back" shows an empty form.
  await page.goBack();
  await expect(page.getByRole('textbox', { name: 'Vorname (lateinisch)' })).toHaveValue('');

  // Her own clients ("Nur meine", on by default for a manager) list the new one.
  const { me } = (await (await page.request.get('/api/auth/me')).json()) as { me: { id: string } };
  expect(created.responsibleManagerId).toBe(me.id);
  await page.goto('/fallbestand');
  await expect(page.getByRole('switch', { name: 'Nur meine' })).toBeChecked();
  await page.getByRole('searchbox', { name: 'Suche' }).fill(lastName);
  await expect(page.getByRole('table', { name: 'Klient:innen im Fallbestand' }).getByRole('row').filter({ hasText: created.caseNumber })).toBeVisible();
});

test('the duplicate check shows a client of the own team with a link to the file, one of the other team only by its team', async ({ page, browser }) => {
  test.setTimeout(60_000);
  const other = await otherTeamClient(browser);
  await openIntake(page);
  const own = ((await listClients(page.request)) as unknown as Person[])[7];
  expect(own).toBeDefined();
  const panel = page.locator('ww-duplicate-panel').getByRole('status');

  // First and last name swapped: still the same person.
  await typeIdentity(page, own.lastName, own.firstName, own.dateOfBirth);
  const link = panel.getByRole('link', { name: new RegExp(own.caseNumber) });
  await expect(link).toBeVisible();
  await expect(link).toContainText(own.lastName);
  await expect(link).toHaveAttribute('href', `/klienten/${own.id}`);

  await typeIdentity(page, other.client.firstName, other.client.lastName, other.client.dateOfBirth);
  await expect(panel.getByText(OTHER_TEAM_TEXT(other.teamName))).toBeVisible();
  await expect(panel.getByRole('link')).toHaveCount(0);
  await expect(panel).not.toContainText(other.client.lastName);
  await expect(panel).not.toContainText(other.client.caseNumber);
});

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 768, height: 1024 },
]) {
  test(`intake form and its confirmation: no axe violations at ${viewport.width}×${viewport.height}, no horizontal scroll`, async ({ page, browser }) => {
    test.setTimeout(60_000);
    const other = await otherTeamClient(browser);
    await page.setViewportSize(viewport);
    await openIntake(page);
    // The form with its German messages at the fields (Ctrl+Enter on an empty form) and a possible match in the other team.
    await page.keyboard.press('Control+Enter');
    await expect(page.getByText('Bitte ausfüllen.').first()).toBeVisible();
    await typeIdentity(page, other.client.firstName, other.client.lastName, other.client.dateOfBirth);
    await expect(page.getByText(OTHER_TEAM_TEXT(other.teamName))).toBeVisible();
    expect(await violations(page), 'axe on the form with messages and the duplicate panel').toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);

    // Creating anyway asks first; going back has the focus and creates nothing.
    await page.getByRole('combobox', { name: 'Geschlecht' }).click();
    await page.getByRole('option', { name: 'divers' }).click();
    await page.getByRole('combobox', { name: 'Herkunftsland' }).click();
    await page.getByRole('option', { name: 'Irak' }).click();
    const created = page.waitForRequest((request) => request.method() === 'POST' && new URL(request.url()).pathname === '/api/clients', { timeout: 1500 }).catch(() => null);
    await page.getByRole('button', { name: 'Klient:in anlegen' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Trotzdem neu anlegen?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(OTHER_TEAM_TEXT(other.teamName));
    await expect(dialog.getByRole('button', { name: 'Zurück zum Formular' })).toBeFocused();
    expect(await violations(page), 'axe on the confirmation').toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, `intake-confirm-${viewport.width}.png`) });
    if (viewport.width <= 768) {
      const box = await dialog.boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(viewport.width - 1);
    }
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    expect(await created).toBeNull();
    await expect(page).toHaveURL(/\/aufnahme$/);
  });
}
