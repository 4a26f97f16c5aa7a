import { Page, expect, test } from '@playwright/test';
import { listClients } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/**
 * Issue 18, point 7, as a manager meets it: a name with a right-to-left override (`Ali\u202Egnp.exe` shows as
 * "Aliexe.png") is refused by the API, and the intake names the field in German instead of a general error;
 * nothing is created.
 */

async function openIntake(page: Page): Promise<void> {
  await signIn(page, DEMO_ACCOUNTS.manager);
  await expect(page).not.toHaveURL(/\/anmelden/);
  await page.goto('/aufnahme');
  await expect(page.getByRole('heading', { level: 1, name: 'Neue:r Klient:in aufnehmen' })).toBeVisible();
}

test('the intake refuses a name with a bidi override at its field and creates nothing', async ({ page }) => {
  test.setTimeout(45_000);
  await openIntake(page);
  const suffix = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  const firstName = page.getByRole('textbox', { name: 'Vorname (lateinisch)' });
  await expect(firstName).toBeFocused();
  await firstName.fill('Ali\u202Egnp.exe');
  await page.getByRole('textbox', { name: 'Nachname (lateinisch)' }).fill(`Zuhair-${suffix}`);
  await page.getByRole('textbox', { name: 'Geburtsdatum' }).fill('15.03.1990');
  await page.getByRole('combobox', { name: 'Geschlecht' }).click();
  await page.getByRole('option', { name: 'weiblich' }).click();
  await page.getByRole('combobox', { name: 'Herkunftsland' }).click();
  await page.getByRole('option', { name: 'Syrien' }).click();
  await page.getByRole('button', { name: 'Klient:in anlegen' }).click();

  await expect(page.getByText('Enthält unsichtbare oder Steuerzeichen, die nicht erlaubt sind.').first()).toBeVisible();
  await expect(firstName).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/aufnahme/);
  // What was typed stays; nothing was created.
  await expect(page.getByRole('textbox', { name: 'Nachname (lateinisch)' })).toHaveValue(`Zuhair-${suffix}`);
  expect(await listClients(page.request, `&q=Zuhair-${suffix}`)).toEqual([]);

  // Corrected, the same form goes through.
  await firstName.fill('Ali');
  await page.getByRole('button', { name: 'Klient:in anlegen' }).click();
  await expect(page).toHaveURL(/\/klienten\/[0-9a-f-]{36}/);
});
