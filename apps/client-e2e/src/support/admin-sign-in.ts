import { Page, expect } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signIn } from './sign-in';
import { totp } from './totp';

const STEP_MS = 30_000;
/** Per run (the database starts empty each run): the TOTP secret an admin enrolled and the last time step used. */
const stateDir = join(__dirname, '..', '..', '..', '..', 'tmp', 'client-e2e', `totp-${process.env['CLIENT_E2E_RUN'] ?? 'default'}`);
const stateFile = (email: string) => join(stateDir, `${email.replace(/[^a-z0-9.@-]/gi, '_')}.json`);

interface TotpState {
  secret: string;
  lastStep: number;
}

function load(email: string): TotpState | null {
  try {
    return JSON.parse(readFileSync(stateFile(email), 'utf8')) as TotpState;
  } catch {
    return null;
  }
}

function save(email: string, state: TotpState): void {
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(stateFile(email), JSON.stringify(state));
}

/** A code of a time step after the last one used (the API refuses a step twice): waits for the next step if needed. */
async function freshCode(page: Page, state: TotpState): Promise<{ code: string; step: number }> {
  let now = Date.now();
  if (Math.floor(now / STEP_MS) <= state.lastStep) {
    await page.waitForTimeout((state.lastStep + 1) * STEP_MS - now + 250);
    now = Date.now();
  }
  return { code: totp(state.secret, now), step: Math.floor(now / STEP_MS) };
}

/**
 * Signs an administrator (or the DPO) in through the screens, whether the
 * account still has to enrol its authenticator app (first sign-in of the run:
 * the secret shown is kept for the run) or only confirms a code. Ends on the
 * page the sign-in leads to.
 */
export async function signInWithTotp(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  await expect(page).toHaveURL(/\/anmelden\/zweiter-faktor$/);
  const enrol = page.getByRole('heading', { level: 2, name: 'Authenticator-App einrichten' });
  const verify = page.getByRole('heading', { level: 2, name: 'Code bestätigen' });
  await expect(enrol.or(verify)).toBeVisible();
  if (await enrol.isVisible()) {
    const secret = (await page.locator('code').textContent())?.trim() ?? '';
    const { code, step } = await freshCode(page, { secret, lastStep: -1 });
    await page.getByLabel('Sechsstelliger Code').fill(code);
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Ihre Wiederherstellungscodes' })).toBeVisible();
    save(email, { secret, lastStep: step });
    await page.getByRole('button', { name: 'Weiter' }).click();
  } else {
    const state = load(email);
    expect(state, `the TOTP secret of ${email} enrolled earlier in this run`).not.toBeNull();
    const { code, step } = await freshCode(page, state as TotpState);
    await page.getByLabel('Sechsstelliger Code').fill(code);
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    save(email, { ...(state as TotpState), lastStep: step });
  }
  await expect(page).not.toHaveURL(/\/anmelden/);
}
