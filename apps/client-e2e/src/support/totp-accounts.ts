import { APIRequestContext, Page, expect, test } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD, signIn } from './sign-in';
import { totp } from './totp';

/**
 * TOTP secrets of the accounts enrolled during this run. A demo administrator
 * or data-protection officer enrols once per run (the database starts empty)
 * in whichever spec signs it in first; later specs need the secret to sign in
 * again. Kept in a file in the run's output directory, which Playwright empties
 * at the start of every run and which survives a worker restart. A code is
 * accepted once per 30-second step, so the last step used is kept as well.
 */
interface Enrolment {
  secret: string;
  lastStep: number;
}

const STEP_MS = 30_000;
const storeFile = () => join(test.info().project.outputDir, 'totp-enrolments.json');

function readStore(): Record<string, Enrolment> {
  const file = storeFile();
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Enrolment>) : {};
}

function writeStore(store: Record<string, Enrolment>): void {
  mkdirSync(test.info().project.outputDir, { recursive: true });
  writeFileSync(storeFile(), JSON.stringify(store));
}

/** A code for `secret` in a time step after `lastStep` (waits for the next step if needed); records the step used. */
async function codeFor(email: string, secret: string, lastStep = -1): Promise<string> {
  let now = Date.now();
  if (Math.floor(now / STEP_MS) <= lastStep) {
    await new Promise((resolve) => setTimeout(resolve, (lastStep + 1) * STEP_MS - now + 250));
    now = Date.now();
  }
  writeStore({ ...readStore(), [email]: { secret, lastStep: Math.floor(now / STEP_MS) } });
  return totp(secret, now);
}

/** Records a secret that a spec read from the enrolment screen itself, with the step of the code it confirmed with. */
export function rememberTotpSecret(email: string, secret: string, now = Date.now()): void {
  writeStore({ ...readStore(), [email]: { secret, lastStep: Math.floor(now / STEP_MS) } });
}

/** A code for an account enrolled earlier in this run. */
async function storedCode(email: string): Promise<string> {
  const stored = readStore()[email];
  expect(stored, `${email} was enrolled in this run without its secret being recorded (support/totp-accounts.ts)`).toBeDefined();
  return codeFor(email, (stored as Enrolment).secret, (stored as Enrolment).lastStep);
}

/**
 * Signs an administrator or data-protection officer in through the screens:
 * password, then the second factor — set up (and remembered) if this is the
 * account's first sign-in in this run, otherwise a code from the remembered secret.
 */
export async function signInWithTotp(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/anmelden\/zweiter-faktor$/);
  const enrol = page.getByRole('heading', { level: 2, name: 'Authenticator-App einrichten' });
  const verify = page.getByRole('heading', { level: 2, name: 'Code bestätigen' });
  await expect(enrol.or(verify)).toBeVisible();
  if (await enrol.isVisible()) {
    const secret = (await page.locator('code').textContent())?.trim() ?? '';
    await page.getByLabel('Sechsstelliger Code').fill(await codeFor(email, secret));
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Ihre Wiederherstellungscodes' })).toBeVisible();
    await page.getByRole('button', { name: 'Weiter' }).click();
  } else {
    await page.getByLabel('Sechsstelliger Code').fill(await storedCode(email));
    await page.getByRole('button', { name: 'Bestätigen' }).click();
  }
  await expect(page).not.toHaveURL(/\/anmelden/);
}

/** The same through the API (cookies of `request`'s context); returns the CSRF token of the active session. */
export async function signInWithTotpViaApi(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<string> {
  const anonymous = ((await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
  const login = await request.post('/api/auth/login', { headers: { 'X-CSRF-Token': anonymous }, data: { email, password } });
  expect(login.status()).toBe(200);
  const session = (await login.json()) as { csrfToken: string; me: { stage: string } };
  const headers = { 'X-CSRF-Token': session.csrfToken };
  if (session.me.stage === 'totp_enrol') {
    const enrolment = await request.post('/api/auth/totp/enrol', { headers });
    expect(enrolment.status()).toBe(200);
    const { secret } = (await enrolment.json()) as { secret: string };
    const confirmed = await request.post('/api/auth/totp/confirm', { headers, data: { code: await codeFor(email, secret) } });
    expect(confirmed.status()).toBe(200);
    return ((await confirmed.json()) as { session: { csrfToken: string } }).session.csrfToken;
  }
  expect(session.me.stage).toBe('totp_verify');
  const verified = await request.post('/api/auth/totp/verify', { headers, data: { code: await storedCode(email) } });
  expect(verified.status()).toBe(200);
  return ((await verified.json()) as { csrfToken: string }).csrfToken;
}
