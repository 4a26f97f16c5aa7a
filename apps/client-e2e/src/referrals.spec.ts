import { berlinDay } from './support/calendar';
import { APIRequestContext, Locator, Page, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { SCREENSHOTS, csrfToken, listClients, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/** What the test reads of the API (the shapes of `@wegweiser/shared/contracts`). */
interface Offer {
  id: string;
  partnerId: string;
  partnerName: string;
  title: string;
}
interface Consent {
  id: string;
  recipientKind: 'partner' | 'evaluation';
  partnerId: string | null;
  valid: boolean;
  version: number;
}
interface ClientFile {
  consents: Consent[];
  plan: { referrals: { partnerOfferId: string }[] };
}

/** `YYYY-MM-DD` (UTC, as the browser's time zone) `days` from today. */
function dayFromToday(days: number): string {
  return berlinDay(days);
}

/** `DD.MM.YYYY`, as the German UI shows a date. */
function german(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

async function clientFile(request: APIRequestContext, clientId: string): Promise<ClientFile> {
  const response = await request.get(`/api/clients/${clientId}/file`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ClientFile;
}

/**
 * An offer of the directory this client was not referred to yet, whose partner
 * has no valid consent of the client (valid consents of that partner are withdrawn first).
 */
async function offerWithoutConsent(request: APIRequestContext, clientId: string): Promise<Offer> {
  const offersResponse = await request.get('/api/partner-offers');
  expect(offersResponse.status()).toBe(200);
  const offers = ((await offersResponse.json()) as Offer[]).filter(
    // A title that names one offer only, so the search finds exactly it.
    (offer, _, all) => all.filter((other) => other.title === offer.title).length === 1,
  );
  const file = await clientFile(request, clientId);
  const referred = new Set(file.plan.referrals.map((referral) => referral.partnerOfferId));
  const consented = (partnerId: string) => file.consents.filter((c) => c.recipientKind === 'partner' && c.partnerId === partnerId && c.valid);
  const candidates = offers.filter((offer) => !referred.has(offer.id));
  const offer = candidates.find((candidate) => consented(candidate.partnerId).length === 0) ?? candidates[0];
  expect(offer, 'an offer of the directory').toBeDefined();
  for (const consent of consented(offer.partnerId)) {
    const response = await request.post(`/api/clients/${clientId}/consents/${consent.id}/withdraw`, {
      headers: { 'X-CSRF-Token': await csrfToken(request) },
      data: { version: consent.version },
    });
    expect(response.status()).toBe(200);
  }
  return offer;
}

/** Opens "Vermittlung anlegen" and picks `offer` by searching for its title. */
async function chooseOffer(page: Page, offer: Offer): Promise<Locator> {
  await page.getByRole('button', { name: 'Vermittlung anlegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Vermittlung anlegen' });
  await expect(dialog).toBeVisible();
  const offers = dialog.getByRole('radiogroup', { name: 'Angebot' });
  await expect(offers.getByRole('radio').first()).toBeVisible();
  const all = await offers.getByRole('radio').count();
  // The search narrows the directory down (offer title or partner name).
  await dialog.getByRole('searchbox', { name: 'Suche nach Angebot oder Partner' }).fill(offer.title);
  await expect.poll(() => offers.getByRole('radio').count()).toBeLessThan(all);
  await offers.getByRole('radio', { name: `${offer.title} – ${offer.partnerName}` }).check();
  return dialog;
}

test('a manager refers a client to a partner offer only with a valid consent, then moves the referral on', async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'UTC' });
  const page = await context.newPage();
  await signIn(page, DEMO_ACCOUNTS.manager);
  await expect(page).not.toHaveURL(/\/anmelden/);
  // Only the responsible manager may change the plan; this client is this spec's own.
  const { me } = (await (await page.request.get('/api/auth/me')).json()) as { me: { id: string } };
  const client = (await listClients(page.request, `&state=active&managerId=${me.id}`))[9];
  expect(client, "the manager's tenth active client").toBeDefined();
  const offer = await offerWithoutConsent(page.request, client.id);
  const missing = `Keine gültige Einwilligung für ${offer.partnerName} – bitte zuerst eine Einwilligung erfassen.`;

  await page.goto(`/klienten/${client.id}/integrationsplan`);
  const plan = page.getByRole('tabpanel', { name: 'Integrationsplan' });
  await expect(plan.getByRole('heading', { name: 'Vermittlungen' })).toBeVisible();

  // Without a consent for the partner: the check says so and nothing can be sent.
  let dialog = await chooseOffer(page, offer);
  await expect(dialog.getByRole('status')).toHaveText(missing);
  await dialog.getByRole('radio', { name: 'jetzt senden (heute)' }).check();
  await expect(dialog.getByRole('button', { name: 'Vermittlung anlegen' })).toBeDisabled();
  expect(await violations(page), 'axe with the dialog and the missing consent').toEqual([]);
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(dialog).toBeHidden();

  // The client consents (recorded in the file, e.g. from the signed form).
  const validUntil = dayFromToday(365);
  const consent = await page.request.post(`/api/clients/${client.id}/consents`, {
    headers: { 'X-CSRF-Token': await csrfToken(page.request) },
    data: {
      purpose: `Vermittlung: ${offer.title}`,
      recipientKind: 'partner',
      partnerId: offer.partnerId,
      dataCategories: ['personal', 'language'],
      givenOn: dayFromToday(0),
      validUntil,
      recordedAs: 'signed_paper',
    },
  });
  expect(consent.status()).toBe(201);
  await page.reload();

  dialog = await chooseOffer(page, offer);
  await expect(dialog.getByRole('status')).toHaveText(`Einwilligung liegt vor (gültig bis ${german(validUntil)})`);
  await dialog.getByRole('radio', { name: 'jetzt senden (heute)' }).check();
  const submit = dialog.getByRole('button', { name: 'Vermittlung anlegen' });
  await expect(submit).toBeEnabled();
  expect(await violations(page), 'axe with the dialog and a valid consent').toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'referral-dialog.png') });

  await submit.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Vermittlung angelegt')).toBeVisible();
  const referral = plan.getByRole('listitem').filter({ hasText: `${offer.title} – ${offer.partnerName}` });
  await expect(referral).toHaveCount(1);
  await expect(referral.getByText('gesendet', { exact: true })).toBeVisible();
  await expect(referral).toContainText(`gesendet am ${german(dayFromToday(0))}`);

  // One click moves it on.
  const actions = referral.getByRole('group', { name: `Aktionen zu ${offer.title}` });
  await expect(actions.getByRole('button')).toHaveText(['Angenommen', 'Abgelehnt', 'Zurückziehen']);
  await actions.getByRole('button', { name: 'Angenommen' }).click();
  await expect(referral.getByText('angenommen', { exact: true })).toBeVisible();
  await expect(referral.getByRole('group').getByRole('button')).toHaveText(['Abgeschlossen', 'Zurückziehen']);

  await context.close();
});
