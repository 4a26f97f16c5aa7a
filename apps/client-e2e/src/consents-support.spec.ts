import { berlinDay } from './support/calendar';
import { APIRequestContext, Browser, Locator, Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { SCREENSHOTS, csrfToken, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/** What the test reads of the API (the shapes of `@wegweiser/shared/contracts`). */
interface Offer {
  id: string;
  partnerId: string;
  partnerName: string;
  title: string;
}
interface Created {
  id: string;
  caseNumber: string;
  firstName: string;
  lastName: string;
}
interface Support {
  state: string;
  windowEnd: string;
  maximumWindowEnd: string;
  history: { toState: string; reason: string | null; note: string | null }[];
  extensions: { state: string; requestedUntil: string; justification: string }[];
}

const WIDE = { width: 1366, height: 768 };
const TABLET = { width: 768, height: 1024 };

/** `YYYY-MM-DD` today (UTC, the browser's time zone in these tests). */
const today = () => berlinDay();

/** `DD.MM.YYYY`, as the German UI shows a date. */
function german(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/** A family name no other spec uses: letters only (names are validated), unique per run. */
function familyName(prefix: string): string {
  const letters = Date.now()
    .toString(26)
    .split('')
    .map((digit) => String.fromCharCode(97 + parseInt(digit, 26)))
    .join('');
  return `${prefix}${letters}`;
}

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'UTC', viewport: WIDE });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).not.toHaveURL(/\/anmelden/);
  return page;
}

/** A client of this spec's own, created by the signed-in manager (responsible: herself). */
async function createClient(request: APIRequestContext, prefix: string): Promise<Created> {
  const response = await request.post('/api/clients', {
    headers: { 'X-CSRF-Token': await csrfToken(request) },
    data: { firstName: 'Amal', lastName: familyName(prefix), dateOfBirth: '1991-04-03', gender: 'female', countryOfOrigin: 'SY' },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Created;
}

async function recordConsentViaApi(request: APIRequestContext, clientId: string, purpose: string): Promise<void> {
  const response = await request.post(`/api/clients/${clientId}/consents`, {
    headers: { 'X-CSRF-Token': await csrfToken(request) },
    data: { purpose, recipientKind: 'evaluation', dataCategories: ['personal'], givenOn: today(), recordedAs: 'electronic' },
  });
  expect(response.status()).toBe(201);
}

/** An offer whose title names it alone (the search then finds exactly it). */
async function uniqueOffer(request: APIRequestContext): Promise<Offer> {
  const response = await request.get('/api/partner-offers');
  expect(response.status()).toBe(200);
  const offers = (await response.json()) as Offer[];
  const offer = offers.find((candidate) => offers.filter((other) => other.title === candidate.title).length === 1);
  expect(offer, 'an offer with a unique title').toBeDefined();
  return offer as Offer;
}

/** Opens "Vermittlung anlegen" on the plan tab and picks `offer` by searching for its title. */
async function chooseOffer(page: Page, offer: Offer): Promise<Locator> {
  await page.getByRole('button', { name: 'Vermittlung anlegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Vermittlung anlegen' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('searchbox', { name: 'Suche nach Angebot oder Partner' }).fill(offer.title);
  await dialog.getByRole('radiogroup', { name: 'Angebot' }).getByRole('radio', { name: `${offer.title} – ${offer.partnerName}` }).check();
  return dialog;
}

/**
 * The page does not scroll sideways (document width <= viewport), no element in `<main>` or the overlay
 * container ends right of the viewport, and `<main>` does not scroll.
 */
async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const result = await page.evaluate(() => {
    const limit = window.innerWidth + 1;
    // Inside a box that scrolls or clips on its own (a wide table, the tab bar's pagination), width does not reach the page.
    const clipped = (element: HTMLElement) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    const main = document.querySelector('main') as HTMLElement;
    const content = [main, document.querySelector('.cdk-overlay-container')].filter((root): root is HTMLElement => root !== null);
    const outside = content
      .flatMap((root) => [root, ...Array.from(root.querySelectorAll<HTMLElement>('*'))])
      .filter((element) => element.getBoundingClientRect().right > limit && !clipped(element))
      .map((element) => `${element.tagName.toLowerCase()}.${String(element.className).split(' ')[0]}`);
    return { outside, mainScrolls: main.scrollWidth > main.clientWidth, documentWidth: document.documentElement.scrollWidth, viewport: window.innerWidth };
  });
  expect(result.outside, `${what}: content and dialogs within the viewport`).toEqual([]);
  expect(result.mainScrolls, `${what}: <main> does not scroll sideways`).toBe(false);
  expect(result.documentWidth, `${what}: the document is no wider than the viewport`).toBeLessThanOrEqual(result.viewport);
}

/** Opens an action of the "Betreuungszeitraum" menu in the file header; returns its dialog. */
async function supportDialog(page: Page, action: string, title: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Betreuungszeitraum', exact: true }).click();
  await page.getByRole('menuitem', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The header's "Status" fact. */
function headerState(page: Page): Locator {
  return page.getByRole('term').filter({ hasText: /^Status$/ }).locator('xpath=following-sibling::dd[1]');
}

test('a missing consent is recorded from the referral dialog and the referral is sent; withdrawn, it blocks the next one', async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await signedInPage(browser, DEMO_ACCOUNTS.manager);
  const client = await createClient(page.request, 'Einwilligung');
  const offer = await uniqueOffer(page.request);
  const missing = `Keine gültige Einwilligung für ${offer.partnerName} – bitte zuerst eine Einwilligung erfassen.`;

  await page.goto(`/klienten/${client.id}/integrationsplan`);
  const plan = page.getByRole('tabpanel', { name: 'Integrationsplan' });
  await expect(plan.getByRole('heading', { name: 'Vermittlungen' })).toBeVisible();

  // The check fails: the dialog offers to record the consent right here.
  const dialog = await chooseOffer(page, offer);
  await dialog.getByRole('radio', { name: 'jetzt senden (heute)' }).check();
  await expect(dialog.getByRole('status')).toHaveText(missing);
  const submit = dialog.getByRole('button', { name: 'Vermittlung anlegen' });
  await expect(submit).toBeDisabled();
  await dialog.getByRole('button', { name: 'Einwilligung erfassen' }).click();

  // A step of the same dialog: the partner is fixed, the purpose filled in, focus in the form.
  await expect(dialog.getByRole('heading', { name: 'Einwilligung erfassen' })).toBeVisible();
  await expect(dialog).toContainText(`Empfänger: ${offer.partnerName}`);
  const purpose = dialog.getByRole('textbox', { name: 'Zweck' });
  await expect(purpose).toBeFocused();
  await expect(purpose).toHaveValue(`Vermittlung: ${offer.title}`);
  await dialog.getByRole('checkbox', { name: 'Sprache' }).check();
  await expect(dialog.getByRole('radio', { name: 'unterschrieben auf Papier' })).toBeChecked();
  await dialog.getByRole('textbox', { name: 'Ablageort des Papiers' }).fill('Handakte, Fach 3');
  expect(await violations(page), 'axe: consent form inside the referral dialog').toEqual([]);
  await dialog.getByRole('button', { name: 'Einwilligung speichern' }).click();

  // Back where it stopped: offer and "jetzt senden" still chosen, the check passes, the referral goes out.
  await expect(dialog.getByRole('status')).toHaveText('Einwilligung liegt vor (gültig bis auf Widerruf)');
  await expect(dialog.getByRole('radio', { name: `${offer.title} – ${offer.partnerName}` })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'jetzt senden (heute)' })).toBeChecked();
  await expect(submit).toBeFocused();
  await submit.click();
  await expect(dialog).toBeHidden();
  const referral = plan.getByRole('listitem').filter({ hasText: `${offer.title} – ${offer.partnerName}` });
  await expect(referral.getByText('gesendet', { exact: true })).toBeVisible();

  // The consent is in the tab; withdrawn today, it stays listed, greyed, with its state in words.
  await page.getByRole('tab', { name: 'Einwilligungen' }).click();
  const consents = page.getByRole('table', { name: 'Einwilligungen' });
  const row = consents.getByRole('row').filter({ hasText: `Vermittlung: ${offer.title}` });
  await expect(row).toContainText('Personendaten, Sprache');
  await expect(row).toContainText('unterschrieben (Papier) Ablage: Handakte, Fach 3');
  await expect(row).toContainText('gültig');
  await row.getByRole('button', { name: `Widerrufen: Vermittlung: ${offer.title} (${offer.partnerName})` }).click();
  const withdraw = page.getByRole('dialog', { name: 'Einwilligung widerrufen' });
  await expect(withdraw.getByLabel('Widerrufen am')).toHaveValue(today());
  await expect(withdraw).toContainText(`Ab diesem Tag dürfen keine Daten mehr an ${offer.partnerName} gehen`);
  await withdraw.getByRole('button', { name: 'Widerruf speichern' }).click();
  await expect(withdraw).toBeHidden();
  await expect(row).toContainText(`widerrufen am ${german(today())}`);
  await expect(row).toHaveAttribute('data-state', 'withdrawn');
  await expect(row.getByRole('button', { name: /^Widerrufen/ })).toHaveCount(0);
  await expect(row).toBeFocused();

  // The next referral to that partner: the check fails again, and the API refuses it too.
  await page.getByRole('tab', { name: 'Integrationsplan' }).click();
  const again = await chooseOffer(page, offer);
  await expect(again.getByRole('status')).toHaveText(missing);
  await expect(again.getByRole('button', { name: 'Einwilligung erfassen' })).toBeVisible();
  await expect(again.getByRole('button', { name: 'Vermittlung anlegen' })).toBeDisabled();
  const refused = await page.request.post(`/api/clients/${client.id}/plan/referrals`, {
    headers: { 'X-CSRF-Token': await csrfToken(page.request) },
    data: { partnerOfferId: offer.id, state: 'sent', sentOn: today() },
  });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { code: string }).code).toBe('consentRequired');
  await page.context().close();
});

test('the support period: pause, resume, close with a reason, reopen, and an extension that reaches the team lead', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signedInPage(browser, DEMO_ACCOUNTS.manager);
  const client = await createClient(page.request, 'Zeitraum');
  const before = (await (await page.request.get(`/api/clients/${client.id}/support`)).json()) as Support;
  const end = german(before.windowEnd);
  const day = german(today());

  await page.goto(`/klienten/${client.id}/ueberblick`);
  await expect(headerState(page)).toHaveText('aktiv');
  const state = page.getByRole('status').filter({ hasText: /Pausiert|Beendet|Verlängerung/ });

  // Pause: the dialog says what follows.
  let dialog = await supportDialog(page, 'Pausieren …', 'Betreuung pausieren');
  await expect(dialog.getByRole('note')).toHaveText(`Die Betreuung ruht ab ${day}. Der Betreuungszeitraum endet weiterhin am ${end}; Sie können die Betreuung jederzeit fortsetzen.`);
  await dialog.getByRole('textbox', { name: 'Grund' }).fill('Krankenhausaufenthalt bis Ende des Monats');
  await dialog.getByRole('button', { name: 'Pausieren', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(headerState(page)).toHaveText('pausiert');
  await expect(state).toHaveText(`Pausiert seit ${day}. Grund: Krankenhausaufenthalt bis Ende des Monats`);
  await expect(page.getByRole('button', { name: 'Betreuungszeitraum', exact: true })).toBeFocused();

  // Resume.
  dialog = await supportDialog(page, 'Fortsetzen …', 'Betreuung fortsetzen');
  await expect(dialog.getByRole('note')).toHaveText(`Die Betreuung läuft ab ${day} wieder. Der Betreuungszeitraum endet am ${end}.`);
  expect(await violations(page), 'axe: resume dialog').toEqual([]);
  await dialog.getByRole('button', { name: 'Fortsetzen', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(headerState(page)).toHaveText('aktiv');

  // Close: the reason is required.
  dialog = await supportDialog(page, 'Betreuung beenden …', 'Betreuung beenden');
  await dialog.getByRole('button', { name: 'Betreuung beenden' }).click();
  await expect(dialog.getByText('Bitte ausfüllen.')).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Grund der Beendigung' }).click();
  await page.getByRole('option', { name: 'verzogen' }).click();
  await expect(dialog.getByRole('note')).toContainText(`Der Fall wird zum ${day} abgeschlossen und ist danach schreibgeschützt`);
  await dialog.getByRole('button', { name: 'Betreuung beenden' }).click();
  await expect(dialog).toBeHidden();
  await expect(headerState(page)).toHaveText('abgeschlossen');
  await expect(state).toHaveText(`Beendet am ${day}: verzogen.`);
  await expect(page.getByRole('link', { name: 'Gespräch dokumentieren' })).toHaveCount(0);

  // Reopen (within the window).
  await page.getByRole('button', { name: 'Betreuungszeitraum', exact: true }).click();
  await expect(page.getByRole('menuitem')).toHaveText(['Wieder aufnehmen …']);
  await page.keyboard.press('Escape');
  dialog = await supportDialog(page, 'Wieder aufnehmen …', 'Betreuung wieder aufnehmen');
  expect(await violations(page), 'axe: reopen dialog').toEqual([]);
  await dialog.getByRole('button', { name: 'Wieder aufnehmen' }).click();
  await expect(dialog).toBeHidden();
  await expect(headerState(page)).toHaveText('aktiv');
  await expect(page.getByRole('link', { name: 'Gespräch dokumentieren' })).toBeVisible();

  // Request an extension to a fourth year: it goes to the team lead.
  const max = german(before.maximumWindowEnd);
  const justification = 'Die Ausbildung zur Pflegefachhelferin endet erst im vierten Jahr; Begleitung bis zum Abschluss nötig.';
  dialog = await supportDialog(page, 'Verlängerung beantragen …', 'Verlängerung beantragen');
  await expect(dialog.getByLabel('Verlängern bis')).toHaveValue(before.maximumWindowEnd);
  await dialog.getByRole('textbox', { name: 'Begründung' }).fill('zu kurz');
  await dialog.getByRole('button', { name: 'Verlängerung beantragen' }).click();
  await expect(dialog.getByText('Bitte mindestens 20 Zeichen.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Begründung' }).fill(justification);
  await expect(dialog.getByRole('note')).toHaveText(
    `Der Antrag geht an die Teamleitung zur Freigabe. Erst nach der Freigabe endet der Betreuungszeitraum am ${max} statt am ${end}.`,
  );
  await dialog.getByRole('button', { name: 'Verlängerung beantragen' }).click();
  await expect(dialog).toBeHidden();
  await expect(state).toHaveText(`Verlängerung bis ${max} beantragt – wartet auf Freigabe der Teamleitung.`);
  await page.getByRole('button', { name: 'Betreuungszeitraum', exact: true }).click();
  await expect(page.getByRole('menuitem')).toHaveText(['Pausieren …', 'Betreuung beenden …']);
  await page.keyboard.press('Escape');

  const after = (await (await page.request.get(`/api/clients/${client.id}/support`)).json()) as Support;
  expect(after.history.map((event) => [event.toState, event.reason, event.note])).toEqual([
    ['active', null, null],
    ['paused', null, 'Krankenhausaufenthalt bis Ende des Monats'],
    ['active', null, null],
    ['closed', 'moved_away', null],
    ['active', null, null],
  ]);
  expect(after.windowEnd).toBe(before.windowEnd);

  // The team lead sees it under Freigaben, in a second browser context.
  const lead = await signedInPage(browser, DEMO_ACCOUNTS.teamLead);
  await lead.goto('/freigaben');
  const requests = lead.getByRole('list', { name: 'Beantragte Verlängerungen' });
  const item = requests.getByRole('listitem').filter({ hasText: client.lastName });
  await expect(item).toContainText(`Verlängerung bis ${max} (bisher bis ${end}, 12 Monate mehr)`);
  await expect(item).toContainText(justification);
  await lead.context().close();
  await page.context().close();
});

test('keyboard only: a consent is recorded without the mouse and focus lands on it', async ({ browser }) => {
  const page = await signedInPage(browser, DEMO_ACCOUNTS.manager);
  const client = await createClient(page.request, 'Tastatur');
  await page.goto(`/klienten/${client.id}/einwilligungen`);
  await expect(page.getByText('Keine Einwilligungen erfasst.')).toBeVisible();

  // Tab from the tab link to the button, Enter opens the form and puts the focus into it.
  await page.getByRole('tab', { name: 'Einwilligungen' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Einwilligung erfassen' })).toBeFocused();
  await page.keyboard.press('Enter');
  const purpose = page.getByRole('textbox', { name: 'Zweck' });
  await expect(purpose).toBeFocused();
  await page.keyboard.type('Auswertung für den Jahresbericht');
  // The recipient: open the select, type ahead, choose.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Empfänger' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Evaluation');
  // The type-ahead settles on the option before Enter chooses it.
  await expect(page.getByRole('option', { name: 'Evaluation (anonymisiert)' })).toHaveClass(/mat-mdc-option-active/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Empfänger' })).toHaveText('Evaluation (anonymisiert)');
  // Data: "Personendaten" is ticked; Tab to "Aufenthalt", Space ticks it.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: 'Personendaten' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'Aufenthalt' })).toBeChecked();
  // Back to the purpose and Enter saves the form.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(purpose).toBeFocused();
  await page.keyboard.press('Enter');

  const row = page.getByRole('table', { name: 'Einwilligungen' }).getByRole('row').filter({ hasText: 'Auswertung für den Jahresbericht' });
  await expect(row).toContainText('Evaluation (anonymisiert)');
  await expect(row).toContainText('Personendaten, Aufenthalt');
  await expect(row).toContainText('gültig');
  await expect(row).toBeFocused();
  await page.context().close();
});

test('consent form, withdraw dialog and support dialogs pass axe at 1366×768 and 768×1024 without sideways scrolling', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signedInPage(browser, DEMO_ACCOUNTS.manager);
  const client = await createClient(page.request, 'Barriere');
  await recordConsentViaApi(page.request, client.id, 'Anonyme Auswertung');

  for (const viewport of [WIDE, TABLET]) {
    const size = `${viewport.width}×${viewport.height}`;
    await page.setViewportSize(viewport);
    await page.goto(`/klienten/${client.id}/einwilligungen`);

    await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    await expect(page.getByRole('textbox', { name: 'Zweck' })).toBeFocused();
    await page.getByRole('button', { name: 'Einwilligung speichern' }).click();
    await expect(page.getByText('Bitte ausfüllen.').first()).toBeVisible();
    expect(await violations(page), `axe: consent form with errors at ${size}`).toEqual([]);
    await expectNoHorizontalScroll(page, `consent form at ${size}`);
    if (viewport === TABLET) await page.screenshot({ path: join(SCREENSHOTS, 'consent-form-768.png'), fullPage: true });
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(page.getByRole('button', { name: 'Einwilligung erfassen' })).toBeFocused();

    await page.getByRole('button', { name: 'Widerrufen: Anonyme Auswertung (Evaluation (anonymisiert))' }).click();
    let dialog = page.getByRole('dialog', { name: 'Einwilligung widerrufen' });
    await expect(dialog).toBeVisible();
    expect(await violations(page), `axe: withdraw dialog at ${size}`).toEqual([]);
    await expectNoHorizontalScroll(page, `withdraw dialog at ${size}`);
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await expect(dialog).toBeHidden();

    for (const [action, title] of [
      ['Pausieren …', 'Betreuung pausieren'],
      ['Betreuung beenden …', 'Betreuung beenden'],
      ['Verlängerung beantragen …', 'Verlängerung beantragen'],
    ] as const) {
      dialog = await supportDialog(page, action, title);
      expect(await violations(page), `axe: ${title} at ${size}`).toEqual([]);
      await expectNoHorizontalScroll(page, `${title} at ${size}`);
      if (viewport === TABLET) {
        const box = await dialog.boundingBox();
        expect(box?.width, `${title} is full-screen at ${size}`).toBe(viewport.width);
      }
      await dialog.getByRole('button', { name: 'Abbrechen' }).click();
      await expect(dialog).toBeHidden();
    }
    await expectNoHorizontalScroll(page, `client file at ${size}`);
  }
  await page.context().close();
});
