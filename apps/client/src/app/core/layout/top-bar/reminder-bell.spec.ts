import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { UnreadReminders } from '@wegweiser/client/data-access';
import { i18nTesting } from '../../../../testing/i18n.testing';
import { REMINDER_POLL_MS, ReminderBell } from './reminder-bell';

describe('ReminderBell', () => {
  let fixture: ComponentFixture<ReminderBell>;
  const count = signal<number | null>(null);
  const refresh = jest.fn().mockResolvedValue(undefined);
  const link = () => (fixture.nativeElement as HTMLElement).querySelector('a') as HTMLAnchorElement;

  beforeEach(() => {
    jest.useFakeTimers();
    count.set(null);
    refresh.mockClear();
    TestBed.configureTestingModule({
      imports: [ReminderBell, i18nTesting()],
      providers: [provideRouter([{ path: '**', children: [] }]), { provide: UnreadReminders, useValue: { count, refresh } }],
    });
    fixture = TestBed.createComponent(ReminderBell);
    fixture.detectChanges();
  });

  afterEach(() => jest.useRealTimers());

  it('links to the reminders and names the unread count ("Erinnerungen, 3 ungelesen"), shown as a badge', () => {
    expect(link().getAttribute('href')).toBe('/erinnerungen');
    expect(link().getAttribute('aria-label')).toBe('Erinnerungen, keine ungelesen');
    expect(link().querySelector('.reminder-bell__badge')).toBeNull();
    count.set(3);
    fixture.detectChanges();
    expect(link().getAttribute('aria-label')).toBe('Erinnerungen, 3 ungelesen');
    const badge = link().querySelector('.reminder-bell__badge');
    expect(badge?.textContent?.trim()).toBe('3');
    expect(badge?.getAttribute('aria-hidden')).toBe('true');
  });

  it('asks for the count at once, every few minutes and after each navigation', async () => {
    expect(refresh).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(REMINDER_POLL_MS);
    expect(refresh).toHaveBeenCalledTimes(2);
    jest.useRealTimers();
    await TestBed.inject(Router).navigateByUrl('/fallbestand');
    expect(refresh).toHaveBeenCalledTimes(3);
  });
});
