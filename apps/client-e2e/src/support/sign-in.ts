import { Page, expect } from '@playwright/test';

/** The demo accounts (DEMO_SEED 2026, DEMO_CLIENTS 600, municipality Beispielheim; see README "Demo logins"). */
export const DEMO_PASSWORD = 'Wegweiser-Demo-2026';
export const DEMO_ACCOUNTS = {
  manager: 'julia.neumann@bh.wegweiser.example',
  teamLead: 'oliver.zimmermann@bh.wegweiser.example',
  admin: 'tanja.mueller@bh.wegweiser.example',
  /** Musterstadt's administrator: enrolled by sign-in.spec (the Beispielheim one by retention.spec; TOTP enrolment happens once per run). */
  adminMusterstadt: 'frank.vogel@ms.wegweiser.example',
  evaluator: 'ralf.braun@bh.wegweiser.example',
  dpo: 'tobias.schmitt@bh.wegweiser.example',
} as const;

/** Opens /anmelden and waits for the German sign-in form. */
export async function openSignIn(page: Page): Promise<void> {
  await page.goto('/anmelden');
  await expect(page.getByRole('heading', { level: 2, name: 'Anmelden' })).toBeVisible();
}

/** Fills in the sign-in form the way a person does and sends it. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await openSignIn(page);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}
