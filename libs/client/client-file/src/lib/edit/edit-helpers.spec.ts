import { ClientResponse, QualificationsResponse } from '@wegweiser/shared/contracts';
import { differingFields, editErrorKey, orNull } from './edit-form';
import { personalChanges, personalValues } from './personal-data-form';
import { qualificationValues, qualificationsRequest } from './qualifications-form';

const client = {
  firstName: 'Amira',
  lastName: 'Haddad',
  firstNameOriginal: 'أميرة',
  lastNameOriginal: null,
  dateOfBirth: '1991-04-12',
  gender: 'female',
  residenceStatus: 'permission_to_reside',
  residenceValidUntil: null,
  arrivalDate: '2025-09-01',
  housing: null,
  householdMembers: 3,
  phone: '0151 1111111',
  email: null,
  address: null,
  version: 4,
} as unknown as ClientResponse;

describe('personal data edits', () => {
  it('sends only what the user changed, with the version; cleared text is null, numbers are numbers', () => {
    const base = personalValues(client);
    const mine = { ...base, phone: ' 0160 2222222 ', firstNameOriginal: '', householdMembers: 4 as unknown as string };
    expect(personalChanges(mine, base, 5)).toEqual({ version: 5, phone: '0160 2222222', firstNameOriginal: null, householdMembers: 4 });
  });

  it('sends nothing but the version when nothing changed', () => {
    const base = personalValues(client);
    expect(personalChanges({ ...base }, base, 4)).toEqual({ version: 4 });
  });
});

describe('qualifications edits', () => {
  const q: QualificationsResponse = {
    clientId: 'c',
    schoolYears: 9,
    schoolCountry: 'SY',
    schoolCertificate: 'lower_secondary',
    vocationalTraining: null,
    universityDegree: null,
    recognitionState: null,
    interests: ['Pflege', 'Kochen'],
    workExperience: [],
    version: 2,
  };

  it('round-trips the record through the form text (interests split at commas, duplicates once)', () => {
    const values = { ...qualificationValues(q), interests: 'Pflege, Kochen, , Pflege', schoolCountry: 'sy', vocationalTraining: ' Schneiderin ' };
    expect(qualificationsRequest(values, 2)).toEqual({
      version: 2,
      schoolYears: 9,
      schoolCountry: 'SY',
      schoolCertificate: 'lower_secondary',
      vocationalTraining: 'Schneiderin',
      universityDegree: null,
      recognitionState: null,
      interests: ['Pflege', 'Kochen'],
    });
  });
});

describe('edit form helpers', () => {
  it('compares only fields that differ', () => {
    expect(
      differingFields([
        { label: 'Telefon', mine: '1', theirs: '2' },
        { label: 'Adresse', mine: 'a', theirs: 'a' },
      ]),
    ).toEqual([{ label: 'Telefon', mine: '1', theirs: '2' }]);
  });

  it('names errors: required first, length, range, anything else "invalid"', () => {
    expect(editErrorKey({ required: true, maxlength: {} })).toBe('required');
    expect(editErrorKey({ maxlength: {} })).toBe('maxlength');
    expect(editErrorKey({ max: {} })).toBe('range');
    expect(editErrorKey({ invalidDate: true })).toBe('invalid');
    expect(editErrorKey({ forbiddenCharacters: true })).toBe('forbiddenCharacters');
    expect(editErrorKey(null)).toBeNull();
    expect(orNull('  ')).toBeNull();
    expect(orNull(0)).toBe('0');
  });
});
