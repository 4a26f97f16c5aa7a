import { TestBed } from '@angular/core/testing';
import { SessionTimeout } from './session-timeout';

describe('SessionTimeout (idle warning timing)', () => {
  let timeout: SessionTimeout;
  let expired: jest.Mock;

  beforeEach(() => {
    jest.useFakeTimers();
    timeout = TestBed.inject(SessionTimeout);
    expired = jest.fn();
    timeout.expired.subscribe(expired);
  });

  afterEach(() => {
    timeout.stop();
    jest.useRealTimers();
  });

  it('warns two minutes before a 30-minute idle timeout and expires at its end', () => {
    timeout.start(1800);

    jest.advanceTimersByTime(28 * 60_000 - 1);
    expect(timeout.warning()).toBe(false);

    jest.advanceTimersByTime(1);
    expect(timeout.warning()).toBe(true);
    expect(expired).not.toHaveBeenCalled();

    jest.advanceTimersByTime(2 * 60_000);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(timeout.warning()).toBe(false);
  });

  it('starts counting again on every API answer', () => {
    timeout.start(1800);
    jest.advanceTimersByTime(20 * 60_000);

    timeout.touch();
    jest.advanceTimersByTime(27 * 60_000);
    expect(timeout.warning()).toBe(false);

    jest.advanceTimersByTime(60_000);
    expect(timeout.warning()).toBe(true);

    timeout.touch(); // e.g. "Angemeldet bleiben" -> GET /api/auth/me
    expect(timeout.warning()).toBe(false);
    jest.advanceTimersByTime(29 * 60_000);
    expect(expired).not.toHaveBeenCalled();
  });

  it('does nothing once stopped (signed out)', () => {
    timeout.start(1800);
    timeout.stop();
    timeout.touch();

    jest.advanceTimersByTime(60 * 60_000);
    expect(timeout.warning()).toBe(false);
    expect(expired).not.toHaveBeenCalled();
  });

  it('warns at once when the timeout is shorter than two minutes', () => {
    timeout.start(60);
    jest.advanceTimersByTime(0);
    expect(timeout.warning()).toBe(true);
    jest.advanceTimersByTime(60_000);
    expect(expired).toHaveBeenCalledTimes(1);
  });
});
