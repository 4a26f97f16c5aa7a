import { commonPasswords, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_PROBLEMS, PasswordPolicy } from './password-policy';

describe('PasswordPolicy', () => {
  const policy = new PasswordPolicy();

  describe('common password list', () => {
    it('holds at least 10,000 entries, lower case', () => {
      const common = commonPasswords();
      expect(common.size).toBeGreaterThanOrEqual(10_000);
      expect(common.has('password')).toBe(true);
      expect(common.has('Password')).toBe(false);
    });

    it('is built once', () => {
      expect(commonPasswords()).toBe(commonPasswords());
    });
  });

  describe('length', () => {
    it(`refuses fewer than ${PASSWORD_MIN_LENGTH} characters`, () => {
      expect(policy.check('Kx8#qLm2!vR')).toBe(PASSWORD_PROBLEMS.passwordTooShort);
      expect(policy.check('')).toBe(PASSWORD_PROBLEMS.passwordTooShort);
    });

    it(`accepts exactly ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters`, () => {
      expect(policy.check('Kx8#qLm2!vRw')).toBeNull();
      expect(policy.check('Kx8#qLm2!vRw'.repeat(10) + 'Zt5&Yp9$')).toBeNull();
    });

    it(`refuses more than ${PASSWORD_MAX_LENGTH} characters`, () => {
      expect(policy.check('Kx8#qLm2!vRw'.repeat(10) + 'Zt5&Yp9$j')).toBe(PASSWORD_PROBLEMS.passwordTooLong);
    });

    it('counts Unicode code points, not UTF-16 units', () => {
      // 11 emoji are 22 UTF-16 units but 11 characters.
      expect(policy.check('🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵🐔')).toBe(PASSWORD_PROBLEMS.passwordTooShort);
      expect(policy.check('🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵🐔🐧')).toBeNull();
    });
  });

  describe('common passwords', () => {
    it.each(['123456789012', 'qwerty123456', '1q2w3e4r5t6y', 'administrator'])('refuses the listed %s', (password) => {
      expect(policy.check(password)).toBe(PASSWORD_PROBLEMS.passwordTooCommon);
    });

    it.each(['ADMINISTRATOR', 'Administrator', 'Qwerty123456'])('compares case-insensitively: %s', (password) => {
      expect(policy.check(password)).toBe(PASSWORD_PROBLEMS.passwordTooCommon);
    });

    it.each([
      'Password123!',
      'PASSWORD1234',
      'Sommer2024!!',
      '!!Passwort2024',
      'iloveyou2024!',
      'i love you 2024',
      'P@ssw0rd2024!',
      'Passw0rd#1234',
      'monkey123456789!',
      'monkeymonkey',
      'dragon!!!!!!!!!!',
    ])('refuses a common word with predictable padding: %s', (password) => {
      expect(policy.check(password)).toBe(PASSWORD_PROBLEMS.passwordTooCommon);
    });

    it.each(['aaaaaaaaaaaa', '121212121212', 'abcabcabcabc', 'x!x!x!x!x!x!'])('refuses patterns of few characters: %s', (password) => {
      expect(policy.check(password)).toBe(PASSWORD_PROBLEMS.passwordTooCommon);
    });

    it.each([
      'correct horse battery staple',
      'Mein Hund heißt Bello und frisst Möhren',
      'Kx8#qLm2!vRw',
      'monkey8$3#9@1!7%5^',
      'Straßenbahn fährt um 7 Uhr 12',
      'tanzende-giraffe-im-rathaus',
    ])('accepts the strong password %s', (password) => {
      expect(policy.check(password)).toBeNull();
    });
  });

  describe('personal data', () => {
    const context = { email: 'anna-lena.schmidt@stadt-musterhausen.de', firstName: 'Anna-Lena', lastName: 'Müller' };

    it.each([
      ['the e-mail local part', 'anna-lena.schmidt!Zug7'],
      ['a part of the e-mail local part', 'Schmidtchen Schleicher 7'],
      ['the last name', 'Frau Müller fährt Rad'],
      ['the last name without accents', 'frau mueller fahrt MULLER rad'],
      ['a part of the first name', 'Lena tanzt Tango!'],
      ['the name in leetspeak', 'Hallo 4nn4-L3n4 wie gehts'],
      ['the name with other separators', 'AnnaLena-fährt-Fahrrad'],
    ])('refuses %s', (_, password) => {
      expect(policy.check(password, context)).toBe(PASSWORD_PROBLEMS.passwordContainsPersonalData);
    });

    it('ignores name parts shorter than 4 characters', () => {
      expect(policy.check('Ein Li im Zoo spielt Geige', { firstName: 'Li', lastName: 'Zoo' })).toBeNull();
    });

    it('ignores the e-mail domain and empty context', () => {
      expect(policy.check('stadt-musterhausen rocks 2025', { email: 'a.b@stadt-musterhausen.de' })).toBeNull();
      expect(policy.check('tanzende-giraffe-im-rathaus', {})).toBeNull();
      expect(policy.check('tanzende-giraffe-im-rathaus', { email: '', firstName: '', lastName: '' })).toBeNull();
    });

    it('checks length and commonness before personal data', () => {
      expect(policy.check('anna', context)).toBe(PASSWORD_PROBLEMS.passwordTooShort);
    });
  });
});
