import { expect, test } from '@playwright/test';
import { csrfToken, listClients } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/**
 * Issue 8: script and injection payloads accepted as free text come back
 * inert in the browser — shown as the characters typed, never run, never
 * turned into markup. The API fuzz spec checks the JSON; this checks the
 * screen. Uses the manager's fourth active client (other specs use the first ones).
 */
const PAYLOADS = [
  `<img src=x onerror="window.__wwInjected='img'">`,
  `<script>window.__wwInjected='script'</script>`,
  `"><svg onload="window.__wwInjected='svg'">`,
  `{{constructor.constructor('window.__wwInjected="template"')()}}`,
  `=HYPERLINK("http://example.invalid","x"); DROP TABLE client;--`,
];

test('script payloads in a conversation note are shown as text and never run', async ({ page }) => {
  test.setTimeout(60_000);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signIn(page, DEMO_ACCOUNTS.manager);
  await expect(page).not.toHaveURL(/\/anmelden/);
  const { me } = (await (await page.request.get('/api/auth/me')).json()) as { me: { id: string } };
  const client = (await listClients(page.request, `&state=active&managerId=${me.id}`))[3];
  expect(client, 'a fourth active client of the manager').toBeDefined();

  const note = PAYLOADS.join('\n');
  const created = await page.request.post(`/api/clients/${client.id}/conversations`, {
    headers: { 'X-CSRF-Token': await csrfToken(page.request) },
    data: {
      heldAt: new Date().toISOString(),
      durationMinutes: 30,
      form: 'office',
      interpreter: 'none',
      language: 'de',
      topics: ['work'],
      note,
      agreements: PAYLOADS[0],
    },
  });
  expect(created.status()).toBe(201);

  await page.goto(`/klienten/${client.id}/gespraeche`);
  const newest = page.getByRole('tabpanel', { name: 'Gespräche' }).getByRole('listitem').first();
  // The note keeps its line breaks as text; each payload is there character for character.
  for (const payload of PAYLOADS) await expect(newest).toContainText(payload);
  await expect(newest).toContainText(`Vereinbarungen: ${PAYLOADS[0]}`);

  // Nothing ran and no markup came out of the text.
  expect(await page.evaluate(() => (window as unknown as { __wwInjected?: string }).__wwInjected)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(page.locator('img[src="x"], svg[onload], script:not([src])')).toHaveCount(0);
});
