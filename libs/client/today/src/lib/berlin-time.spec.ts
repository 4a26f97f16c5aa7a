import { appointmentDate, appointmentDay, appointmentTime, civilDate } from './berlin-time';

describe('appointment times in Germany', () => {
  it('shows the wall-clock time in Europe/Berlin, winter and summer, whatever the device zone', () => {
    expect(appointmentTime('2026-12-08T09:30:00.000Z', 'de')).toBe('10:30');
    expect(appointmentTime('2026-07-08T09:30:00.000Z', 'de')).toBe('11:30');
    expect(appointmentTime('2026-07-08T22:15:00.000Z', 'en')).toBe('00:15');
  });

  it('takes the day in Germany', () => {
    expect(appointmentDate('2026-07-08T22:15:00.000Z')).toBe('2026-07-09');
    expect(appointmentDay('2026-12-08T09:30:00.000Z', 'de')).toContain('08.12.2026');
  });

  it('formats civil dates per language', () => {
    expect(civilDate('2026-12-08', 'de')).toBe('08.12.2026');
    expect(civilDate('2026-12-08', 'en')).toBe('08/12/2026');
  });
});
