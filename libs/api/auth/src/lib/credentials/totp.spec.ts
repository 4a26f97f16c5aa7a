import { TOTP_OPTIONS, TotpService } from './totp';

describe('TotpService', () => {
  const totp = new TotpService();
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'; // 20 bytes
  const STEP_MS = TOTP_OPTIONS.period * 1000;
  /** The middle of a 30-second step, so ±1 step is unambiguous. */
  const now = new Date(Math.floor(Date.UTC(2026, 0, 15, 9, 0, 0) / STEP_MS) * STEP_MS + STEP_MS / 2);
  const shifted = (steps: number) => new Date(now.getTime() + steps * STEP_MS);

  describe('createEnrolment', () => {
    it('creates a 160-bit base32 secret, an otpauth URL and a PNG QR code', async () => {
      const enrolment = await totp.createEnrolment('anna.schmidt@stadt.de');
      expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
      const url = new URL(enrolment.otpauthUrl);
      expect(url.protocol).toBe('otpauth:');
      expect(url.host).toBe('totp');
      expect(decodeURIComponent(url.pathname)).toBe('/Wegweiser:anna.schmidt@stadt.de');
      expect(url.searchParams.get('secret')).toBe(enrolment.secret);
      expect(url.searchParams.get('issuer')).toBe('Wegweiser');
      expect(enrolment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
      expect(Buffer.from(enrolment.qrCodeDataUrl.split(',')[1], 'base64').subarray(1, 4).toString()).toBe('PNG');
    });

    it('uses a new secret each time', async () => {
      const [a, b] = await Promise.all([totp.createEnrolment('a@x.de'), totp.createEnrolment('a@x.de')]);
      expect(a.secret).not.toBe(b.secret);
    });

    it('takes another issuer and keeps colons out of the label', async () => {
      const { otpauthUrl } = await totp.createEnrolment('weird:label', 'Wegweiser Test');
      expect(decodeURIComponent(new URL(otpauthUrl).pathname)).toBe('/Wegweiser Test:weird label');
    });

    it('produces codes that verify', async () => {
      const { secret: fresh } = await totp.createEnrolment('a@x.de');
      await expect(totp.verify(fresh, await totp.generate(fresh))).resolves.toMatchObject({ valid: true });
    });
  });

  describe('verify', () => {
    it('accepts the current code and tells its time step', async () => {
      const code = await totp.generate(secret, now);
      expect(code).toMatch(/^\d{6}$/);
      expect(await totp.verify(secret, code, { at: now })).toEqual({ valid: true, timeStep: Math.floor(now.getTime() / STEP_MS) });
    });

    it('accepts a code generated now (real clock)', async () => {
      await expect(totp.verify(secret, await totp.generate(secret))).resolves.toMatchObject({ valid: true });
    });

    it('accepts codes of the step before and after (clock drift)', async () => {
      await expect(totp.verify(secret, await totp.generate(secret, shifted(-1)), { at: now })).resolves.toMatchObject({ valid: true });
      await expect(totp.verify(secret, await totp.generate(secret, shifted(1)), { at: now })).resolves.toMatchObject({ valid: true });
    });

    it('refuses codes two steps away and a code from 5 minutes ago', async () => {
      for (const steps of [-2, 2, -10]) {
        const code = await totp.generate(secret, shifted(steps));
        // A 1-in-a-million collision with a code in the window would be a false alarm, not a bug.
        const inWindow = await Promise.all([-1, 0, 1].map((s) => totp.generate(secret, shifted(s))));
        if (inWindow.includes(code)) continue;
        await expect(totp.verify(secret, code, { at: now })).resolves.toEqual({ valid: false });
      }
      const fiveMinutesAgo = await totp.generate(secret, new Date(Date.now() - 5 * 60_000));
      await expect(totp.verify(secret, fiveMinutesAgo)).resolves.toEqual({ valid: false });
    });

    it('refuses a wrong code', async () => {
      const code = await totp.generate(secret, now);
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      await expect(totp.verify(secret, wrong, { at: now })).resolves.toEqual({ valid: false });
    });

    it('refuses the code of another secret', async () => {
      const other = 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF';
      const code = await totp.generate(other, now);
      await expect(totp.verify(secret, code, { at: now })).resolves.toEqual({ valid: false });
    });

    it.each(['', '12345', '1234567', 'abcdef', '12345a', '١٢٣٤٥٦', '+12345', '12.345'])('refuses the malformed code %p', async (code) => {
      await expect(totp.verify(secret, code, { at: now })).resolves.toEqual({ valid: false });
    });

    it('refuses non-string input', async () => {
      await expect(totp.verify(secret, 123456 as unknown as string, { at: now })).resolves.toEqual({ valid: false });
      await expect(totp.verify(secret, undefined as unknown as string, { at: now })).resolves.toEqual({ valid: false });
    });

    it('accepts a code typed with spaces', async () => {
      const code = await totp.generate(secret, now);
      await expect(totp.verify(secret, ` ${code.slice(0, 3)} ${code.slice(3)} `, { at: now })).resolves.toMatchObject({ valid: true });
    });

    it('refuses a replayed code once its time step is recorded', async () => {
      const code = await totp.generate(secret, now);
      const first = await totp.verify(secret, code, { at: now });
      if (!first.valid) throw new Error('expected a valid code');
      await expect(totp.verify(secret, code, { at: now, afterTimeStep: first.timeStep })).resolves.toEqual({ valid: false });
      const next = await totp.generate(secret, shifted(1));
      await expect(totp.verify(secret, next, { at: now, afterTimeStep: first.timeStep })).resolves.toEqual({ valid: true, timeStep: first.timeStep + 1 });
    });

    it('refuses everything when the last used step is at or beyond the window', async () => {
      const step = Math.floor(now.getTime() / STEP_MS);
      const next = await totp.generate(secret, shifted(1));
      await expect(totp.verify(secret, next, { at: now, afterTimeStep: step + 1 })).resolves.toEqual({ valid: false });
      await expect(totp.verify(secret, next, { at: now, afterTimeStep: step + 50 })).resolves.toEqual({ valid: false });
    });

    it('throws for a malformed secret (a data error, not user input)', async () => {
      await expect(totp.verify('not base32!', '123456', { at: now })).rejects.toThrow();
    });
  });
});
