import { Browser, Page, expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listClients } from './support/clients';
import { signIn } from './support/sign-in';

/**
 * A manager of the demo data other than DEMO_ACCOUNTS.manager (whose specs expect
 * German): Julia Neumann's team colleague in Beispielheim (DEMO_SEED 2026,
 * DEMO_CLIENTS 600; staff of `generateOrganisation` in libs/api/synthetic-data).
 */
const ENGLISH_MANAGER = 'nadine.wagner@bh.wegweiser.example';

type Texts = { [key: string]: string | Texts };
const I18N = join(__dirname, '..', '..', 'client', 'public', 'i18n');
const load = (file: string): Texts => JSON.parse(readFileSync(join(I18N, file), 'utf8'));
const SCOPES = ['', 'caseload/', 'client-file/'];
const de = SCOPES.map((scope) => load(`${scope}de.json`));
const en = SCOPES.map((scope) => load(`${scope}en.json`));

function flatten(texts: Texts, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(texts)) {
    if (typeof value === 'string') flat.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) flat.set(k, v);
  }
  return flat;
}

/**
 * German texts whose English differs: the parts between placeholders, at least
 * four characters with a letter, and never also an English text (e.g. "Deutsch"
 * names itself in both languages).
 */
function germanOnlyTexts(): string[] {
  const english = new Set(en.flatMap((file) => [...flatten(file).values()]));
  const german = new Set<string>();
  de.forEach((file, index) => {
    const translations = flatten(en[index]);
    for (const [key, text] of flatten(file)) {
      if (translations.get(key) === text) continue;
      for (const part of text.split(/\{\{[^}]*\}\}/)) {
        const trimmed = part.trim().replace(/[\s:,.…]+$/, '');
        if (trimmed.length >= 4 && /\p{L}/u.test(trimmed) && !english.has(trimmed)) german.add(trimmed);
      }
    }
  });
  return [...german];
}
const GERMAN = germanOnlyTexts();
const EN = { root: flatten(en[0]), clientFile: flatten(en[2]) };

/**
 * German texts visible on the page: a whole line (or `·`-separated part) for
 * words and short texts, anywhere for sentences. Words are not searched inside
 * lines, since the demo data's free text (goals, notes) is German on purpose,
 * e.g. "… aus der Anschlussunterbringung ausziehen".
 */
async function visibleGerman(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  const lines = new Set(text.split('\n').flatMap((line) => [line.trim(), ...line.split(' · ').map((part) => part.trim())]));
  return GERMAN.filter((german) => lines.has(german) || (german.length >= 15 && german.includes(' ') && text.includes(german)));
}

async function expectEnglishNav(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const nav = page.getByRole('navigation', { name: EN.root.get('nav.label') });
  await expect(nav.getByRole('link', { name: EN.root.get('nav.caseload') })).toBeVisible();
}

async function openCaseload(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: EN.root.get('nav.label') }).getByRole('link', { name: EN.root.get('nav.caseload') }).click();
  await expect(page).toHaveURL(/\/fallbestand$/);
  await expect(page.getByRole('row').nth(1)).toBeVisible();
}

async function expectNoGerman(page: Page, where: string): Promise<void> {
  await expect.poll(() => visibleGerman(page), { message: `German texts on ${where}` }).toEqual([]);
}

/** Overview and plan tab of the file, in English and without German labels. */
async function checkClientFile(page: Page, clientId: string): Promise<void> {
  await page.goto(`/klienten/${clientId}/ueberblick`);
  await expectEnglishNav(page);
  const tabs = page.getByRole('tablist', { name: EN.clientFile.get('tabs.label') });
  await expect(tabs.getByRole('tab', { name: EN.clientFile.get('tabs.overview'), exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: EN.clientFile.get('tabs.overview') })).toBeVisible();
  await expectNoGerman(page, 'the overview tab');

  await tabs.getByRole('tab', { name: EN.clientFile.get('tabs.plan'), exact: true }).click();
  const plan = page.getByRole('tabpanel', { name: EN.clientFile.get('tabs.plan') });
  await expect(plan.getByRole('heading', { level: 2, name: EN.clientFile.get('tabs.plan') })).toBeVisible();
  await expectNoGerman(page, 'the plan tab');
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ locale: 'de-DE', timezoneId: 'UTC' })).newPage();
}

test('switching to English changes every visible label, and the choice stays with the account', async ({ browser }) => {
  test.setTimeout(90_000);
  expect(GERMAN.length, 'German texts to look for').toBeGreaterThan(200);
  const page = await newPage(browser);
  await signIn(page, ENGLISH_MANAGER);
  await expect(page).not.toHaveURL(/\/anmelden/);
  const [client] = await listClients(page.request, '&state=active');
  expect(client).toBeDefined();

  // German at first: the check finds German labels when they are there.
  await page.goto('/fallbestand');
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  expect(await visibleGerman(page)).toContain('Fallbestand');

  await page.getByRole('group', { name: 'Sprache' }).getByRole('button', { name: 'English' }).click();
  await expectEnglishNav(page);
  await expectNoGerman(page, 'the caseload');
  await checkClientFile(page, client.id);

  // Reloading keeps English.
  await page.reload();
  await expectEnglishNav(page);
  await expect(page.getByRole('tabpanel', { name: EN.clientFile.get('tabs.plan') }).getByRole('heading', { level: 2 })).toBeVisible();
  await expectNoGerman(page, 'the plan tab after reloading');

  // Signed out and in again in a fresh browser (nothing in browser storage): still English.
  await page.getByRole('button', { name: EN.root.get('nav.logout') }).click();
  await expect(page).toHaveURL(/\/anmelden/);
  await page.context().close();
  const fresh = await newPage(browser);
  await signIn(fresh, ENGLISH_MANAGER);
  await expectEnglishNav(fresh);
  await openCaseload(fresh);
  await expectNoGerman(fresh, 'the caseload after signing in again');
  await checkClientFile(fresh, client.id);

  // Back to German, so the account ends as it began.
  await fresh.getByRole('group', { name: EN.root.get('language.label') }).getByRole('button', { name: 'Deutsch' }).click();
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'de');
  await expect
    .poll(async () => ((await (await fresh.request.get('/api/auth/me')).json()) as { me: { locale: string } }).me.locale)
    .toBe('de');
  await fresh.context().close();
});
