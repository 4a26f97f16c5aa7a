import { Page, expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENSHOTS, violations } from './support/clients';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';


interface TodayAppointment {
  clientId: string;
  conversationId: string;
  appointmentAt: string;
}

/** The parts of ical.js (npm `ical.js`, a maintained RFC 5545 parser) this test uses. */
interface IcalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  zone: { tzid: string } | null;
  toJSDate(): Date;
}
interface IcalComponent {
  getAllSubcomponents(name: string): IcalComponent[];
  getFirstSubcomponent(name: string): IcalComponent | null;
  getFirstPropertyValue(name: string): unknown;
}
interface IcalModule {
  parse(text: string): unknown;
  Component: new (jcal: unknown) => IcalComponent;
  Event: new (component: IcalComponent) => { startDate: IcalTime; endDate: IcalTime; uid: string; summary: string };
  TimezoneService: { register(component: IcalComponent): void };
}
// A variable, so TypeScript does not resolve the module at compile time (ESM package, loaded at run time).
const ICAL_PACKAGE = 'ical.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** Wall-clock parts of an instant in Germany. */
function berlinParts(iso: string): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, Number(p.value)]),
  );
  return { year: parts['year'], month: parts['month'], day: parts['day'], hour: parts['hour'], minute: parts['minute'] };
}

/**
 * "Heute", the demo manager's start page: the demo data are anchored to the
 * day the server started, and the server creates today's reminders at
 * start-up without any flag (playwright.config sets none).
 */
test.describe('Heute', () => {
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    page = await (await browser.newContext({ locale: 'de-DE', timezoneId: 'UTC', acceptDownloads: true })).newPage();
    await signIn(page, DEMO_ACCOUNTS.manager);
    // A manager's home is "Heute".
    await expect(page).toHaveURL(/\/heute$/);
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  const bell = () => page.getByRole('banner').getByRole('link', { name: /^Erinnerungen, (\d+|keine) ungelesen$/ });

  async function openToday(): Promise<void> {
    await page.goto('/heute');
    await expect(page.getByRole('heading', { level: 1, name: 'Heute' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /^Fällige und überfällige Schritte/ })).toBeVisible();
  }

  /** The first appointment on the page (= the API's first), its conversation checked, and its .ics file downloaded by the button. */
  async function downloadFirstAppointment(): Promise<{ text: string; first: TodayAppointment; wall: ReturnType<typeof berlinParts>; name: string }> {
    const appointments = page.getByRole('list', { name: /^Termine (heute|der nächsten 7 Tage)$/ }).getByRole('listitem');
    const today = (await (await page.request.get('/api/today')).json()) as { appointments: { items: TodayAppointment[] } };
    const first = today.appointments.items[0];
    if (!first) throw new Error('no appointment in the demo data this week');
    const conversations = (await (await page.request.get(`/api/clients/${first.clientId}/conversations`)).json()) as { id: string; nextAppointmentAt: string | null }[];
    const conversation = conversations.find((c) => c.id === first.conversationId);
    expect(conversation?.nextAppointmentAt).toBe(first.appointmentAt);
    const wall = berlinParts(first.appointmentAt);
    await expect(appointments.first()).toContainText(`${pad(wall.hour)}:${pad(wall.minute)} Uhr`);
    const link = appointments.first().getByRole('link');
    await expect(link).toHaveAttribute('href', `/klienten/${first.clientId}`);
    const name = ((await link.textContent()) ?? '').trim();
    expect(name.length).toBeGreaterThan(0);

    const downloading = page.waitForEvent('download');
    await appointments.first().getByRole('button', { name: /^Termin am .+ als Kalenderdatei herunterladen$/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('wegweiser-termin.ics');
    const text = await readFile((await download.path()) as string, 'utf8');
    return { text, first, wall, name };
  }

  test('lists appointments, overdue steps and reminders; the bell counts the reminder list; an appointment downloads as .ics', async () => {
    await openToday();
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await expect(nav.getByRole('link', { name: 'Heute' })).toHaveAttribute('aria-current', 'page');

    // At least one appointment (today or in the next 7 days), each line a link into the file.
    const appointments = page.getByRole('list', { name: /^Termine (heute|der nächsten 7 Tage)$/ }).getByRole('listitem');
    expect(await appointments.count()).toBeGreaterThan(0);
    await expect(appointments.first().getByRole('link')).toHaveAttribute('href', /^\/klienten\/[0-9a-f-]{36}$/);

    // At least one overdue step.
    const steps = page.getByRole('list', { name: 'Fällige und überfällige Schritte' }).getByRole('listitem');
    await expect(steps.filter({ hasText: /überfällig seit \d\d\.\d\d\.\d{4}/ }).first()).toBeVisible();
    await expect(steps.first().getByRole('link')).toHaveAttribute('href', /^\/klienten\/[0-9a-f-]{36}$/);

    // At least one unread reminder; the bell's count = the unread list's length = what the page says.
    const reminders = page.getByRole('list', { name: 'Neueste ungelesene Erinnerungen' }).getByRole('listitem');
    await expect(reminders.first()).toBeVisible();
    const listed = (await (await page.request.get('/api/reminders?unread=true&limit=1')).json()) as { total: number };
    expect(listed.total).toBeGreaterThan(0);
    await expect(bell()).toHaveAccessibleName(`Erinnerungen, ${listed.total} ungelesen`);
    await expect(page.getByTestId('today-unread')).toHaveText(`${listed.total} ungelesen`);
    await page.getByRole('link', { name: 'Alle Erinnerungen' }).click();
    await expect(page.getByRole('status').filter({ hasText: `${listed.total} ungelesen` })).toBeVisible();
    await openToday();

    // The first appointment shown is the API's first; its .ics file starts at the conversation's appointment, in Germany.
    const { text, first, wall, name } = await downloadFirstAppointment();
    const stamp = `${wall.year}${pad(wall.month)}${pad(wall.day)}T${pad(wall.hour)}${pad(wall.minute)}00`;
    expect(text.split('\r\n')).toContain(`DTSTART;TZID=Europe/Berlin:${stamp}`);
    expect(text).toContain(`UID:${first.conversationId}-`);
    // Nothing personal beyond the case number: not the client's name.
    expect(text).not.toContain(name);
  });

  test('is accessible at 1366 x 768 and 768 x 1024, without horizontal scrolling at 768', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 768, height: 1024 },
    ]) {
      await page.setViewportSize(viewport);
      await openToday();
      await expect(page.getByRole('list', { name: 'Fällige und überfällige Schritte' })).toBeVisible();
      expect(await violations(page), `axe at ${viewport.width}`).toEqual([]);
      if (viewport.width === 768) {
        // The page does not scroll sideways, nothing of its content reaches past the viewport, <main> does not scroll.
        const overflow = await page.evaluate(() => ({
          document: document.documentElement.scrollWidth - window.innerWidth,
          main: (document.querySelector('main')?.scrollWidth ?? 0) - window.innerWidth,
          wide: Array.from(document.querySelectorAll('ww-today-page *')).filter((el) => el.getBoundingClientRect().right > window.innerWidth).map((el) => el.tagName),
        }));
        expect(overflow.wide).toEqual([]);
        expect(overflow.main).toBeLessThanOrEqual(0);
        expect(overflow.document).toBeLessThanOrEqual(0);
      }
      await page.screenshot({ path: join(SCREENSHOTS, `today-${viewport.width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  test('works by keyboard: Tab reaches the lines\' links and the calendar button, Enter opens the file', async () => {
    await openToday();
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    const stepLink = page.getByRole('list', { name: 'Fällige und überfällige Schritte' }).getByRole('listitem').first().getByRole('link');
    const href = (await stepLink.getAttribute('href')) ?? '';
    let reachedIcs = false;
    let reachedStep = false;
    for (let i = 0; i < 150 && !reachedStep; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        return { tag: el?.tagName ?? '', label: el?.getAttribute('aria-label') ?? '', href: el?.getAttribute('href') ?? '', inList: !!el?.closest('ul')?.getAttribute('aria-label')?.startsWith('Fällige') };
      });
      if (focused.tag === 'BUTTON' && focused.label.endsWith('als Kalenderdatei herunterladen')) reachedIcs = true;
      if (focused.tag === 'A' && focused.inList && focused.href === href) reachedStep = true;
    }
    expect(reachedIcs).toBe(true);
    expect(reachedStep).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${href}(/[a-z-]+)?$`));
  });

  test('the .ics file parses with a real iCalendar parser (ical.js) and starts at the appointment in Europe/Berlin', async () => {
    await openToday();
    const { text, first, wall } = await downloadFirstAppointment();
    const ICAL = ((await import(ICAL_PACKAGE)) as { default: IcalModule }).default;
    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const vevent = calendar.getFirstSubcomponent('vevent');
    expect(vevent).not.toBeNull();
    const event = new ICAL.Event(vevent as IcalComponent);
    expect(event.startDate.zone?.tzid).toBe('Europe/Berlin');
    expect({ year: event.startDate.year, month: event.startDate.month, day: event.startDate.day, hour: event.startDate.hour, minute: event.startDate.minute }).toEqual(wall);
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(first.appointmentAt).toISOString());
    expect(event.endDate.toJSDate().getTime()).toBeGreaterThan(event.startDate.toJSDate().getTime());
    expect(event.uid).toContain(first.conversationId);
  });
});
