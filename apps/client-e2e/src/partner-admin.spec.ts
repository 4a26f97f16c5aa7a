import { Page, expect, test } from '@playwright/test';
import writeXlsxFile from 'write-excel-file/node';
import { readFileSync } from 'node:fs';
import { violations } from './support/clients';
import { signInWithTotp } from './support/totp-accounts';
import { DEMO_ACCOUNTS } from './support/sign-in';

/**
 * Verwaltung → Netzwerkpartner (issue 17, acceptance 4): the partner import
 * (CSV with a bad e-mail and a duplicate; again unchanged; XLSX) and a partner
 * with an offer and a new working group, created and edited. Names are made
 * for this run (none exists in the demo data). One signed-in page throughout
 * (each TOTP sign-in needs a fresh time step).
 */
const RUN = Date.now().toString(36).toUpperCase();
const PREFIX = `Lindenhof-${RUN}`;
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 768, height: 1024 },
];

/** 20 organisations: line 5 has a bad e-mail, line 12 repeats line 3's name in capitals. */
function partnerCsv(): string {
  const lines = ['Name;Art;Ansprechperson;E-Mail;Telefon;Adresse;Webseite;Sprachen;Arbeitskreise'];
  for (let i = 1; i <= 20; i++) {
    const name = i === 11 ? `${PREFIX} Verein 02`.toUpperCase() : `${PREFIX} Verein ${String(i).padStart(2, '0')}`;
    const email = i === 4 ? 'kontakt-at-verein.example' : `kontakt${i}@verein.example`;
    lines.push(`${name};Organisation;Erika Muster;${email};+49 251 ${1000 + i};"Hauptstraße ${i}, 48143 Musterstadt";https://verein${i}.example;de, ar;Sprache, Beratung`);
  }
  return lines.join('\r\n') + '\r\n';
}

/** axe 0 violations at 1366×768 and 768×1024, and no horizontal page scroll at 768. Ends at 1366×768. */
async function checkAccessible(page: Page, what: string): Promise<void> {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    expect(await violations(page), `${what} at ${viewport.width}`).toEqual([]);
    if (viewport.width === 768) {
      const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect(fits, `${what} fits 768 without horizontal scroll`).toBe(true);
    }
  }
  await page.setViewportSize(VIEWPORTS[0]);
}

async function openDirectory(page: Page): Promise<void> {
  await page.goto('/verwaltung/netzwerkpartner');
  await expect(page.getByRole('heading', { level: 2, name: 'Netzwerkpartner' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Partner gefunden/ })).toBeVisible();
}

async function search(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Suche nach Name' }).fill(text);
}

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByLabel('Datei auswählen').setInputFiles(file);
  await expect(page.getByRole('heading', { level: 3, name: 'Vorschau' })).toBeVisible();
}

/** Versions of this run's partners (through the API with the page's session). */
async function versions(page: Page): Promise<Map<string, number>> {
  const response = await page.request.get('/api/partners?includeInactive=true');
  expect(response.status()).toBe(200);
  const partners = (await response.json()) as { name: string; version: number }[];
  return new Map(partners.filter((p) => p.name.startsWith(PREFIX)).map((p) => [p.name, p.version]));
}

test.describe.configure({ mode: 'serial' });

test('the administrator imports a partner list: preview with the wrong rows, confirmation, again unchanged, XLSX', async ({ page }) => {
  test.setTimeout(180_000);
  await signInWithTotp(page, DEMO_ACCOUNTS.admin);
  await page.getByRole('tablist', { name: 'Bereiche der Verwaltung' }).getByRole('tab', { name: 'Netzwerkpartner' }).click();
  await expect(page).toHaveURL(/\/verwaltung\/netzwerkpartner$/);
  await expect(page.getByRole('status').filter({ hasText: /Partner gefunden/ })).toBeVisible();
  await checkAccessible(page, 'partner list');

  await page.getByRole('link', { name: 'Liste importieren' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Partnerliste importieren' })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Vorlage herunterladen (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe('netzwerkpartner-vorlage.csv');
  const template = readFileSync(await download.path(), 'utf8');
  expect(template).toContain('Name;Art;Ansprechperson;E-Mail;Telefon;Adresse;Webseite;Sprachen;Arbeitskreise');

  const csv = { name: 'partnerliste.csv', mimeType: 'text/csv', buffer: Buffer.from(partnerCsv(), 'utf8') };
  await upload(page, csv);
  const preview = page.getByRole('region', { name: 'Vorschau' });
  await expect(preview).toContainText('18 Partner werden angelegt');
  await expect(preview).toContainText('0 Partner werden geändert');
  await expect(preview).toContainText('2 Zeilen sind fehlerhaft und werden übersprungen');
  const wrong = preview.getByRole('table', { name: 'Fehlerhafte Zeilen' });
  await expect(wrong.getByRole('row')).toHaveCount(3);
  await expect(wrong.getByRole('row').nth(1)).toHaveText(/^\s*5\s*Lindenhof-.* Verein 04\s*Ungültige E-Mail-Adresse\s*$/);
  await expect(wrong.getByRole('row').nth(2)).toHaveText(new RegExp(`^\\s*12\\s*${PREFIX.toUpperCase()} VEREIN 02\\s*Doppelt: gleicher Name wie Zeile 3\\s*$`));
  expect((await versions(page)).size, 'the preview wrote nothing').toBe(0);
  await checkAccessible(page, 'import preview');

  await preview.getByRole('button', { name: 'Import bestätigen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import abgeschlossen: 18 Partner angelegt, 0 geändert.' })).toBeVisible();
  const afterFirst = await versions(page);
  expect(afterFirst.size).toBe(18);
  expect(afterFirst.has(`${PREFIX} Verein 04`)).toBe(false);

  await page.getByRole('link', { name: 'Zur Partnerübersicht' }).click();
  await search(page, PREFIX);
  await expect(page.getByRole('status').filter({ hasText: '18 Partner gefunden' })).toBeVisible();
  await expect(page.getByRole('link', { name: `${PREFIX} Verein 20 bearbeiten` })).toBeVisible();
  await expect(page.getByRole('link', { name: `${PREFIX} Verein 04 bearbeiten` })).toHaveCount(0);

  // The same file again: nothing new, nothing changed; confirming writes nothing.
  await page.getByRole('link', { name: 'Liste importieren' }).click();
  await upload(page, csv);
  await expect(preview).toContainText('0 Partner werden angelegt');
  await expect(preview).toContainText('0 Partner werden geändert');
  await expect(preview).toContainText('18 Partner bleiben unverändert');
  await expect(preview.getByRole('table', { name: 'Zeilen' }).getByRole('row').filter({ hasText: 'unverändert' })).toHaveCount(18);
  await preview.getByRole('button', { name: 'Import bestätigen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import abgeschlossen: 0 Partner angelegt, 0 geändert.' })).toBeVisible();
  expect(await versions(page)).toEqual(afterFirst);

  // An Excel workbook.
  const xlsx = await writeXlsxFile([
    ['Name', 'E-Mail', 'Sprachen', 'Arbeitskreise'],
    [`${PREFIX} Excel 1`, 'excel1@verein.example', 'de, tr', 'Rechtliche Grundlagen'],
    [`${PREFIX} Excel 2`, null, 'uk', null],
  ]).toBuffer();
  await page.getByLabel('Datei auswählen').setInputFiles({ name: 'partnerliste.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
  await expect(preview).toContainText('2 Partner werden angelegt');
  await expect(preview).toContainText('0 Zeilen sind fehlerhaft');
  await preview.getByRole('button', { name: 'Import bestätigen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import abgeschlossen: 2 Partner angelegt, 0 geändert.' })).toBeVisible();
  await page.getByRole('link', { name: 'Zur Partnerübersicht' }).click();
  await search(page, `${PREFIX} Excel`);
  await expect(page.getByRole('status').filter({ hasText: '2 Partner gefunden' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Arbeitskreis', exact: true }).selectOption({ label: 'Rechtliche Grundlagen' });
  await expect(page.getByRole('status').filter({ hasText: '1 Partner gefunden' })).toBeVisible();
  await expect(page.getByRole('link', { name: `${PREFIX} Excel 1 bearbeiten` })).toBeVisible();
});

test('the administrator creates a partner with an offer and a new working group, and edits both', async ({ page }) => {
  test.setTimeout(120_000);
  await signInWithTotp(page, DEMO_ACCOUNTS.admin);
  await openDirectory(page);
  await page.getByRole('link', { name: 'Partner anlegen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Partner anlegen' })).toBeVisible();
  const name = `${PREFIX} Kulturbrücke`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Ansprechperson').fill('Amal Haddad');
  await page.getByLabel('E-Mail').fill('kontakt@kulturbruecke.example');
  await page.getByLabel('Webseite').fill('https://kulturbruecke.example');
  await page.getByLabel('Angebotene Sprachen').fill('de, ar, fa');
  await page.getByRole('checkbox', { name: 'Sprache', exact: true }).check();

  const group = `Gesundheit ${RUN}`;
  await page.getByRole('button', { name: 'Arbeitskreis anlegen' }).click();
  const groupDialog = page.getByRole('dialog', { name: 'Arbeitskreis anlegen' });
  await expect(groupDialog).toBeVisible();
  await checkAccessible(page, 'working group dialog');
  await groupDialog.getByLabel('Name des Arbeitskreises').fill(group);
  await groupDialog.getByRole('button', { name: 'Anlegen' }).click();
  await expect(groupDialog).toBeHidden();
  await expect(page.getByRole('checkbox', { name: group })).toBeChecked();
  await checkAccessible(page, 'partner form');

  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Partner bearbeiten' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Partner bearbeiten' }).getByRole('status').filter({ hasText: 'Gespeichert' })).toBeVisible();
  await expect(page).toHaveURL(/\/verwaltung\/netzwerkpartner\/[0-9a-f-]{36}$/);

  await page.getByRole('button', { name: 'Angebot hinzufügen' }).click();
  const offerDialog = page.getByRole('dialog', { name: 'Angebot hinzufügen' });
  await expect(offerDialog).toBeVisible();
  await checkAccessible(page, 'offer dialog');
  await offerDialog.getByRole('combobox', { name: 'Thema / Handlungsfeld' }).selectOption({ label: 'Kultur' });
  await offerDialog.getByLabel('Titel').fill('Erzählcafé');
  await offerDialog.getByLabel('Sprachen').fill('ar, fa');
  await offerDialog.getByLabel('Zielgruppe').fill('Frauen mit kleinen Kindern');
  await offerDialog.getByLabel('Zugangsweg (wie wird vermittelt?)').fill('Anruf bei Frau Haddad genügt');
  await offerDialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(offerDialog).toBeHidden();
  const offers = page.getByRole('region', { name: 'Angebote' });
  await expect(offers).toContainText('Erzählcafé');
  await expect(offers).toContainText('Frauen mit kleinen Kindern');
  await expect(offers).toContainText('Anruf bei Frau Haddad genügt');

  // Edit the partner and the offer, then deactivate the offer.
  await page.getByLabel('Telefon').fill('+49 251 777');
  await page.getByRole('button', { name: 'Speichern' }).click();
  // The form's own status (the offers region may still say "Gespeichert" from the offer just saved).
  await expect(page.getByRole('form', { name: 'Partner bearbeiten' }).getByRole('status').filter({ hasText: 'Gespeichert' })).toBeVisible();
  await offers.getByRole('button', { name: 'Angebot „Erzählcafé“ bearbeiten' }).click();
  const editDialog = page.getByRole('dialog', { name: 'Angebot bearbeiten' });
  await expect(editDialog.getByLabel('Zielgruppe')).toHaveValue('Frauen mit kleinen Kindern');
  await checkAccessible(page, 'offer dialog (edit)');
  await editDialog.getByLabel('Titel').fill('Erzählcafé für Frauen');
  await editDialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(editDialog).toBeHidden();
  await expect(offers).toContainText('Erzählcafé für Frauen');
  await offers.getByRole('button', { name: 'Angebot „Erzählcafé für Frauen“ deaktivieren' }).click();
  await expect(offers.getByRole('button', { name: 'Angebot „Erzählcafé für Frauen“ aktivieren' })).toBeVisible();
  await expect(offers).toContainText('inaktiv');

  // The stored partner, reloaded.
  await page.reload();
  await expect(page.getByLabel('Telefon')).toHaveValue('+49 251 777');
  await expect(page.getByRole('checkbox', { name: group })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Sprache', exact: true })).toBeChecked();
  await expect(page.getByLabel('Angebotene Sprachen')).toHaveValue('de, ar, fa');

  // Found in the directory by the new working group and by topic.
  await openDirectory(page);
  await page.getByRole('combobox', { name: 'Arbeitskreis', exact: true }).selectOption({ label: group });
  await expect(page.getByRole('status').filter({ hasText: '1 Partner gefunden' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Thema', exact: true }).selectOption({ label: 'Kultur' });
  await expect(page.getByRole('link', { name: `${name} bearbeiten` })).toBeVisible();
  await checkAccessible(page, 'filtered partner list');
});
