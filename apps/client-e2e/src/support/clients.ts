import { APIRequestContext, Browser, BrowserContext, Page, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { DEMO_PASSWORD } from './sign-in';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export const SCREENSHOTS = join(__dirname, '..', '..', '..', '..', 'test-output', 'client-e2e', 'screenshots');

/** A manager of the other team of the first municipality (DEMO_SEED 2026, DEMO_CLIENTS 600). */
export const OTHER_TEAM_MANAGER = 'ulrike.braun@bh.wegweiser.example';

export interface ClientSummary {
  id: string;
  caseNumber: string;
  firstName: string;
  lastName: string;
  firstNameOriginal: string | null;
  lastNameOriginal: string | null;
}

/**
 * Waits for running finite CSS animations and transitions (a dialog opening, a hint fading in after an
 * error) to end: axe judges colours as they are at that instant, and mid-fade text fails contrast.
 * Endless ones (progress bars, spinners) are left running.
 */
export async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/** axe (WCAG 2.1 A/AA) violations of the current page, one line each, once animations have settled. */
export async function violations(page: Page): Promise<string[]> {
  await settleAnimations(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}

/** Signs in through the API (CSRF token first); the cookies belong to `request`'s context. Returns the CSRF token of the new session. */
export async function signInViaApi(request: APIRequestContext, email: string): Promise<string> {
  const csrf = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/login', {
    headers: { 'X-CSRF-Token': csrf.csrfToken },
    data: { email, password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** A fresh CSRF token for the session of `request`. */
export async function csrfToken(request: APIRequestContext): Promise<string> {
  return ((await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
}

/** Clients visible to the signed-in user (first page, up to 200). */
export async function listClients(request: APIRequestContext, query = ''): Promise<ClientSummary[]> {
  const response = await request.get(`/api/clients?pageSize=200${query}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: ClientSummary[] }).items;
}

/** The id of a real client of another team, seen by that team's manager in a separate browser context. */
export async function otherTeamClient(browser: Browser): Promise<ClientSummary> {
  const context: BrowserContext = await browser.newContext();
  try {
    await signInViaApi(context.request, OTHER_TEAM_MANAGER);
    const [client] = await listClients(context.request);
    expect(client).toBeDefined();
    return client;
  } finally {
    await context.close();
  }
}

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;

export function hasArabicScriptName(client: ClientSummary): boolean {
  return ARABIC_SCRIPT.test(`${client.firstNameOriginal ?? ''}${client.lastNameOriginal ?? ''}`);
}
