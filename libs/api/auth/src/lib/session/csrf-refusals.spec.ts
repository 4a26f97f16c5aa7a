import { Logger } from '@nestjs/common';
import { CsrfRefusals } from './csrf-refusals';

const USER = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const MUNICIPALITY = '9b2d6f3c-1c1e-4a57-8f3e-6d2a1b0c9e77';

describe('CsrfRefusals', () => {
  afterEach(() => jest.restoreAllMocks());

  it('audits a refusal of a signed-in session as the account, with no other data', async () => {
    const record = jest.fn().mockResolvedValue('1');
    const refusals = new CsrfRefusals({ record });
    await refusals.refused({ userId: USER, municipalityId: MUNICIPALITY, role: 'manager' } as never);
    refusals.stop();
    expect(record).toHaveBeenCalledWith({
      action: 'denied',
      outcome: 'denied',
      entityType: 'csrf_token',
      entityId: null,
      municipalityId: MUNICIPALITY,
      userId: USER,
      role: 'manager',
    });
    expect(refusals.anonymousCount).toBe(0);
  });

  it('counts refusals without a session and reports the number once, then starts again', async () => {
    const record = jest.fn();
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const refusals = new CsrfRefusals({ record });
    await refusals.refused(undefined);
    await refusals.refused({} as never);
    expect(refusals.anonymousCount).toBe(2);
    refusals.report();
    refusals.report();
    refusals.stop();
    expect(record).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toEqual({ csrfRefusalsWithoutSession: 2 });
    expect(refusals.anonymousCount).toBe(0);
  });

  it('still resolves when the audit row cannot be written (the request is refused anyway)', async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const refusals = new CsrfRefusals({ record: jest.fn().mockRejectedValue(new Error('database down')) });
    await expect(refusals.refused({ userId: USER, municipalityId: MUNICIPALITY, role: 'manager' } as never)).resolves.toBeUndefined();
    refusals.stop();
  });
});
