import { Page, TestInfo, expect } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { signIn } from './sign-in';
import { totp } from './totp';

/**
 * Signing in an account with a second factor (administrator, DPO) in any
 * spec, in any order: the first spec of a run that meets the enrolment
 * screen enrols and keeps the secret in the run's output folder (emptied at
 * the start of every run, like the database), later ones read it there. A
 * TOTP code is accepted once per 30-second step (replay guard), so a sign-in
 * in the step of the last one waits for the next.
 */
interface TotpRecord {
  secret: string;
  lastStep: number;
}

const storeOf = (testInfo: TestInfo) => join(testInfo.project.outputDir, 'totp-secrets.json');
const read = (file: string): Record<string, TotpRecord> => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, TotpRecord>) : {});
const step = (now = Date.now()) => Math.floor(now / 30_000);

function remember(testInfo: TestInfo, email: string, record: TotpRecord): void {
  const file = storeOf(testInfo);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...read(file), [email]: record }));
}

/** A code of a step after the last one used (waiting for it if need be). */
async function freshCode(page: Page, secret: string, lastStep: number): Promise<{ code: string; step: number }> {
  while (step() <= lastStep) await page.waitForTimeout(Math.max(200, (lastStep + 1) * 30_000 - Date.now() + 200));
  const now = Date.now();
  return { code: totp(secret, now), step: step(now) };
}

/** Signs in with password and TOTP (enrolling on first use in this run); ends on the account's start page. */
export async function signInWithTotp(page: Page, email: string, testInfo: TestInfo): Promise<void> {
  await signIn(page, email);
  await expect(page).toHaveURL(/\/anmelden\/zweiter-faktor$/);
  const enrol = page.getByRole('heading', { level: 2, name: 'Authenticator-App einrichten' });
  const verify = page.getByRole('heading', { level: 2, name: 'Code bestätigen' });
  await expect(enrol.or(verify)).toBeVisible();
  if (await enrol.isVisible()) {
    const secret = (await page.locator('code').textContent())?.trim() ?? '';
    const { code, step: used } = await freshCode(page, secret, 0);
    await page.getByLabel('Sechsstelliger Code').fill(code);
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Ihre Wiederherstellungscodes' })).toBeVisible();
    remember(testInfo, email, { secret, lastStep: used });
    await page.getByRole('button', { name: 'Weiter' }).click();
  } else {
    const record = read(storeOf(testInfo))[email];
    expect(record, `${email} enrolled TOTP in this run without signInWithTotp (its secret is unknown)`).toBeDefined();
    const { secret, lastStep } = record as TotpRecord;
    const { code, step: used } = await freshCode(page, secret, lastStep);
    await page.getByLabel('Sechsstelliger Code').fill(code);
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    remember(testInfo, email, { secret, lastStep: used });
  }
  await expect(page).not.toHaveURL(/\/anmelden/);
}
