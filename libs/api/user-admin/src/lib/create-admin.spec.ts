import { AdminCreationError, parseAdminInput } from './create-admin';

describe('parseAdminInput', () => {
  const valid = { email: ' Erste.Admin@AB.Wegweiser.example', firstName: ' Erika ', lastName: 'Mustermann', municipalityCode: 'ab', municipalityName: ' Annahmebrück ' };

  it('normalises e-mail, names and code', () => {
    expect(parseAdminInput(valid)).toEqual({
      email: 'erste.admin@ab.wegweiser.example',
      firstName: 'Erika',
      lastName: 'Mustermann',
      municipalityCode: 'AB',
      municipalityName: 'Annahmebrück',
    });
  });

  it('leaves the municipality name out when it is blank', () => {
    expect(parseAdminInput({ ...valid, municipalityName: '  ' }).municipalityName).toBeUndefined();
  });

  it('refuses names with control, bidi or invisible characters, as the API does; keeps ZWNJ', () => {
    expect(() => parseAdminInput({ ...valid, lastName: 'Muster\u202Emann' })).toThrow('--last-name');
    expect(() => parseAdminInput({ ...valid, municipalityName: 'Stadt\u200B' })).toThrow('--municipality-name');
    expect(parseAdminInput({ ...valid, firstName: 'علی\u200Cرضا' }).firstName).toBe('علی\u200Cرضا');
  });

    it('lists every problem at once', () => {
    const attempt = () => parseAdminInput({ email: 'keine-adresse', municipalityCode: 'A1' });
    expect(attempt).toThrow(AdminCreationError);
    expect(attempt).toThrow(/--email[\s\S]*--first-name[\s\S]*--last-name[\s\S]*--municipality-code/);
  });

  it.each(['A', 'ABCDEFGHI', 'M-S'])('refuses the municipality code %s', (municipalityCode) => {
    expect(() => parseAdminInput({ ...valid, municipalityCode })).toThrow('--municipality-code');
  });
});
