import { PasswordPolicy } from '@wegweiser/api/auth';
import { ONE_TIME_PASSWORD_ALPHABET, OneTimePasswords } from './one-time-passwords';

describe('OneTimePasswords', () => {
  const policy = new PasswordPolicy();
  const passwords = new OneTimePasswords(policy);

  it('produces 24 random symbols in six groups (29 characters)', () => {
    const password = passwords.generate();
    expect(password).toMatch(new RegExp(`^([${ONE_TIME_PASSWORD_ALPHABET}]{4}-){5}[${ONE_TIME_PASSWORD_ALPHABET}]{4}$`));
    expect(password.length).toBeGreaterThanOrEqual(20);
  });

  it('leaves out look-alike characters', () => {
    expect(ONE_TIME_PASSWORD_ALPHABET).not.toMatch(/[01ilou]/);
    expect(new Set(ONE_TIME_PASSWORD_ALPHABET).size).toBe(ONE_TIME_PASSWORD_ALPHABET.length);
  });

  it('never repeats and always passes the password policy with the account as context', () => {
    const context = { email: 'anna.schmidt@ms.wegweiser.example', firstName: 'Anna', lastName: 'Schmidt' };
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const password = passwords.generate(context);
      expect(policy.check(password, context)).toBeNull();
      seen.add(password);
    }
    expect(seen.size).toBe(500);
  });

  it('draws until the policy accepts a candidate', () => {
    const picky = { check: jest.fn().mockReturnValueOnce('passwordContainsPersonalData').mockReturnValue(null) } as unknown as PasswordPolicy;
    new OneTimePasswords(picky).generate({ lastName: 'Schmidt' });
    expect(picky.check).toHaveBeenCalledTimes(2);
  });

  it('gives up instead of looping forever when the policy refuses everything', () => {
    const refusing = { check: () => 'passwordTooCommon' } as unknown as PasswordPolicy;
    expect(() => new OneTimePasswords(refusing).generate()).toThrow('No acceptable one-time password');
  });
});
