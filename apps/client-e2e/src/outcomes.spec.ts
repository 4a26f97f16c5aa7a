import { berlinDay } from './support/calendar';
import { Locator, Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { SCREENSHOTS, listClients, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/** `YYYY-MM-DD` (UTC, as the browser's time zone) `days` from today. */
function dayFromToday(days: number): string {
  return berlinDay(days);
}

/** A date as the German UI shows it (`mediumDate`: 02.03.2026). */
function german(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

/** Records a soft rating through the form: the date typed, then one choice in each labelled group. */
async function rate(page: Page, panel: Locator, ratedOn: string, values: { health: string; social: string; employment: string }): Promise<void> {
  await panel.getByRole('button', { name: 'Einschätzung erfassen' }).click();
  const form = panel.getByRole('form', { name: 'Neue Einschätzung' });
  await expect(form.getByLabel('Datum der Einschätzung')).toHaveValue(dayFromToday(0));
  await form.getByLabel('Datum der Einschätzung').fill(ratedOn);
  await form.getByRole('radiogroup', { name: 'Gesundheit' }).getByRole('radio', { name: values.health, exact: true }).click();
  await form.getByRole('radiogroup', { name: 'Soziales Umfeld' }).getByRole('radio', { name: values.social, exact: true }).click();
  await form.getByRole('radiogroup', { name: 'Qualität der Beschäftigung' }).getByRole('radio', { name: values.employment, exact: true }).click();
  await form.getByRole('button', { name: 'Einschätzung speichern' }).click();
  // (The previous snack bar may still be leaving.)
  await expect(page.getByText('Einschätzung gespeichert').last()).toBeVisible();
  await expect(form).toHaveCount(0);
}

test('a manager records an employment and two soft ratings and sees them in the chart', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'UTC' });
  const page = await context.newPage();
  await signIn(page, DEMO_ACCOUNTS.manager);
  await expect(page).not.toHaveURL(/\/anmelden/);
  // Only the responsible manager may record outcomes; this spec owns the manager's 8th active client.
  const { me } = (await (await page.request.get('/api/auth/me')).json()) as { me: { id: string } };
  const client = (await listClients(page.request, `&state=active&managerId=${me.id}`))[7];
  expect(client).toBeDefined();
  const before = (await (await page.request.get(`/api/clients/${client.id}/ratings`)).json()) as { ratedOn: string }[];
  // Started after the support start (the API accepts an earlier date only as "bei Beginn vorhanden").
  const { supportStart } = (await (await page.request.get(`/api/clients/${client.id}`)).json()) as { supportStart: string };
  const started = [dayFromToday(-20), supportStart].sort()[1] as string;
  const firstRating = dayFromToday(-10);
  const secondRating = dayFromToday(0);

  await page.goto(`/klienten/${client.id}/ergebnisse`);
  const panel = page.getByRole('tabpanel', { name: 'Ergebnisse' });
  await expect(panel.getByRole('heading', { level: 3, name: 'Ergebnisse' })).toBeVisible();

  // Both forms open: axe finds nothing.
  await panel.getByRole('button', { name: 'Ergebnis erfassen' }).click();
  const outcomeForm = panel.getByRole('form', { name: 'Neues Ergebnis' });
  await outcomeForm.getByRole('radiogroup', { name: 'Art des Ergebnisses' }).getByRole('radio', { name: 'Beschäftigung' }).check();
  await panel.getByRole('button', { name: 'Einschätzung erfassen' }).click();
  await expect(panel.getByRole('form', { name: 'Neue Einschätzung' })).toBeVisible();
  expect(await violations(page), 'axe with both forms open').toEqual([]);
  await panel.getByRole('form', { name: 'Neue Einschätzung' }).getByRole('button', { name: 'Abbrechen' }).click();
  await expect(panel.getByRole('button', { name: 'Einschätzung erfassen' })).toBeFocused();

  // An employment with its details: only the employment's fields are asked for.
  await expect(outcomeForm.getByLabel('Niveau')).toHaveCount(0);
  await outcomeForm.getByLabel('Begonnen am').fill(started);
  await outcomeForm.getByRole('combobox', { name: 'Art der Beschäftigung' }).click();
  await page.getByRole('option', { name: 'Minijob' }).click();
  await outcomeForm.getByRole('radiogroup', { name: 'Arbeitszeit' }).getByRole('radio', { name: 'Teilzeit' }).check();
  await outcomeForm.getByRole('radiogroup', { name: 'Entspricht der Qualifikation' }).getByRole('radio', { name: 'nein' }).check();
  await outcomeForm.getByLabel('Tätigkeit (optional)').fill('Lagerhelfer in der Logistik');
  await outcomeForm.getByRole('button', { name: 'Ergebnis speichern' }).click();

  await expect(page.getByText('Ergebnis gespeichert')).toBeVisible();
  await expect(outcomeForm).toHaveCount(0);
  const employment = panel.getByRole('listitem').filter({ hasText: 'Lagerhelfer in der Logistik' });
  await expect(employment).toHaveCount(1);
  await expect(employment).toContainText('Beschäftigung');
  await expect(employment).toContainText(`seit ${german(started)}`);
  await expect(employment).toContainText('Minijob · Teilzeit · entspricht nicht der Qualifikation');

  // Two ratings, the second dated later: the chart and its table show both.
  await rate(page, panel, firstRating, { health: '3', social: '2', employment: '2' });
  await rate(page, panel, secondRating, { health: '4', social: '3', employment: '3' });

  const count = before.length + 2;
  const earliest = [...before.map((r) => r.ratedOn), firstRating].sort()[0];
  await expect(panel.getByRole('img', { name: /^Verlauf der Einschätzungen:/ })).toHaveAccessibleName(
    `Verlauf der Einschätzungen: ${count} Einschätzungen vom ${german(earliest)} bis ${german(secondRating)}. ` +
      `Zuletzt am ${german(secondRating)}: Gesundheit 4, Soziales Umfeld 3, Qualität der Beschäftigung 3.`,
  );
  // The table beside it, newest first, has one row per plotted rating.
  const rows = panel.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(count + 1);
  await expect(rows.nth(1).getByRole('cell')).toHaveText([german(secondRating), '4', '3', '3']);
  await expect(rows.filter({ hasText: german(firstRating) }).getByRole('cell')).toHaveText([german(firstRating), '3', '2', '2']);

  // With the chart and both forms open: still no violations; the screenshot for the docs.
  await panel.getByRole('button', { name: 'Ergebnis erfassen' }).click();
  await outcomeForm.getByRole('radiogroup', { name: 'Art des Ergebnisses' }).getByRole('radio', { name: 'Beschäftigung' }).check();
  await panel.getByRole('button', { name: 'Einschätzung erfassen' }).click();
  expect(await violations(page), 'axe with the chart and both forms open').toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'outcomes.png'), fullPage: true });
  await outcomeForm.getByRole('button', { name: 'Abbrechen' }).click();
  await panel.getByRole('form', { name: 'Neue Einschätzung' }).getByRole('button', { name: 'Abbrechen' }).click();

  // The end of the employment (PATCH with its version).
  await employment.getByRole('button', { name: `Ende erfassen: Beschäftigung seit ${german(started)}` }).click();
  await employment.getByLabel('Beendet am').fill(dayFromToday(-1));
  await employment.getByRole('button', { name: 'Ende speichern' }).click();
  await expect(page.getByText('Ende gespeichert')).toBeVisible();
  await expect(employment).toContainText(`bis ${german(dayFromToday(-1))}`);
  await expect(employment.getByRole('button', { name: /^Ende erfassen/ })).toHaveCount(0);

  await context.close();
});

/** `YYYY-MM-DD` `days` after `isoDate` (negative: before). */
function shift(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

test('a B1 brought along is recorded "bei Beginn vorhanden" before the support start; a future date is refused at the field', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'UTC' });
  const page = await context.newPage();
  await signIn(page, DEMO_ACCOUNTS.manager);
  await expect(page).not.toHaveURL(/\/anmelden/);
  // This spec owns the manager's own active client at index 13.
  const { me } = (await (await page.request.get('/api/auth/me')).json()) as { me: { id: string } };
  const client = (await listClients(page.request, `&state=active&managerId=${me.id}`))[13];
  expect(client).toBeDefined();
  const { supportStart } = (await (await page.request.get(`/api/clients/${client.id}`)).json()) as { supportStart: string };
  const brought = shift(supportStart, -120);

  await page.goto(`/klienten/${client.id}/ergebnisse`);
  const panel = page.getByRole('tabpanel', { name: 'Ergebnisse' });
  await panel.getByRole('button', { name: 'Ergebnis erfassen' }).click();
  const form = panel.getByRole('form', { name: 'Neues Ergebnis' });
  await form.getByRole('radiogroup', { name: 'Art des Ergebnisses' }).getByRole('radio', { name: 'Deutsch B1 erreicht' }).check();
  const date = form.getByLabel('Erreicht am');
  await expect(date).toHaveAttribute('max', dayFromToday(0));

  // A date in the future: the error at the field, nothing sent, the input kept.
  await date.fill(dayFromToday(3));
  await form.getByLabel('Zertifikat (optional)').fill('Goethe-Zertifikat B1');
  await form.getByRole('button', { name: 'Ergebnis speichern' }).click();
  await expect(form.getByText('Das Datum darf nicht in der Zukunft liegen.')).toBeVisible();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Zertifikat (optional)')).toHaveValue('Goethe-Zertifikat B1');

  // Before the support start: only as "bei Beginn der Betreuung vorhanden".
  await date.fill(brought);
  await form.getByRole('button', { name: 'Ergebnis speichern' }).click();
  await expect(form.getByText(/Das Datum liegt vor dem Beginn der Betreuung/)).toBeVisible();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await form.getByRole('checkbox', { name: 'Bei Beginn der Betreuung vorhanden' }).check();
  await expect(date).toHaveAttribute('aria-invalid', 'false');
  expect(await violations(page), 'axe with the B1 form and its checkbox').toEqual([]);
  await form.getByRole('button', { name: 'Ergebnis speichern' }).click();

  await expect(page.getByText(/Ergebnis gespeichert/).first()).toBeVisible();
  await expect(form).toHaveCount(0);
  // The demo client may have brought a B1 certificate already (synthetic data): the one recorded here has its date.
  const b1 = panel.getByRole('listitem').filter({ hasText: 'Goethe-Zertifikat B1' }).filter({ hasText: `seit ${german(brought)}` });
  await expect(b1).toContainText('Deutsch B1 erreicht');
  await expect(b1).toContainText(`seit ${german(brought)}`);
  await expect(b1).toContainText('bei Beginn vorhanden');
  const stored = (await (await page.request.get(`/api/clients/${client.id}/outcomes`)).json()) as { achievedOn: string; presentAtStart: boolean; kind: string }[];
  expect(stored.filter((o) => o.kind === 'b1' && o.achievedOn === brought)).toEqual([expect.objectContaining({ presentAtStart: true })]);

  await context.close();
});
