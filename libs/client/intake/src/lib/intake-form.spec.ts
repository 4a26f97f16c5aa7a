import { germanDay, intakeForm, isIntakeDraft, parseDay, toCreateRequest, toDuplicateCheck } from './intake-form';

const TODAY = '2026-12-06';

function filled() {
  const form = intakeForm(() => TODAY);
  form.patchValue({
    firstName: ' Rania ',
    lastName: 'Haddad',
    firstNameOriginal: 'رانيا',
    lastNameOriginal: '',
    dateOfBirth: '15.03.1990',
    gender: 'female',
    countryOfOrigin: 'SY',
  });
  return form;
}

describe('parseDay', () => {
  it('reads German days with and without dots, and ISO days; refuses days that do not exist', () => {
    expect(parseDay('15.03.1990')).toBe('1990-03-15');
    expect(parseDay(' 5.3.1990 ')).toBe('1990-03-05');
    expect(parseDay('15031990')).toBe('1990-03-15');
    expect(parseDay('1990-03-15')).toBe('1990-03-15');
    for (const wrong of ['31.02.1990', '15.13.1990', '1503199', '03/15/1990', '01.01.1899', '']) expect(parseDay(wrong)).toBeNull();
    expect(germanDay('1990-03-15')).toBe('15.03.1990');
  });
});

describe('intake form', () => {
  it('starts the support today and needs names, date of birth, gender and country', () => {
    const form = intakeForm(() => TODAY);
    expect(form.controls.supportStart.value).toBe(TODAY);
    expect(Object.entries(form.controls).filter(([, c]) => c.invalid).map(([name]) => name)).toEqual([
      'firstName',
      'lastName',
      'dateOfBirth',
      'gender',
      'countryOfOrigin',
    ]);
    expect(filled().valid).toBe(true);
  });

  it('needs a reason once the support starts before today, and refuses future dates', () => {
    const form = filled();
    form.controls.supportStart.setValue('2026-11-20');
    form.controls.supportStartReason.updateValueAndValidity();
    expect(form.controls.supportStartReason.errors).toEqual({ reasonRequired: true });
    form.controls.supportStartReason.setValue('Erstgespräch am 20.11.');
    expect(form.valid).toBe(true);
    form.controls.dateOfBirth.setValue('01.01.2027');
    expect(form.controls.dateOfBirth.errors).toEqual({ notInFuture: true });
    form.controls.dateOfBirth.setValue('31.02.1990');
    expect(form.controls.dateOfBirth.errors).toEqual({ date: true });
  });

  it('checks dates against the date of birth and the arrival', () => {
    const form = filled();
    form.controls.arrivalDate.setValue('1989-01-01');
    expect(form.controls.arrivalDate.errors).toEqual({ afterBirth: true });
    form.controls.arrivalDate.setValue('2026-12-01');
    form.controls.supportStart.setValue('2026-11-30');
    expect(form.controls.supportStart.errors).toEqual({ beforeArrival: true });
  });

  it('builds the create request: trimmed, empty optional fields null, the reason only for a backdated start', () => {
    const form = filled();
    form.controls.supportStartReason.setValue('nicht nötig');
    expect(toCreateRequest(form.getRawValue(), TODAY)).toEqual({
      firstName: 'Rania',
      lastName: 'Haddad',
      firstNameOriginal: 'رانيا',
      lastNameOriginal: null,
      dateOfBirth: '1990-03-15',
      gender: 'female',
      countryOfOrigin: 'SY',
      nationalities: [],
      languagesSpoken: [],
      residenceStatus: null,
      residenceValidUntil: null,
      arrivalDate: null,
      housing: null,
      householdMembers: null,
      phone: null,
      email: null,
      address: null,
      supportStart: TODAY,
      supportStartReason: null,
    });
    form.patchValue({ supportStart: '2026-11-02', householdMembers: '4', responsibleManagerId: 'm-1', housing: 'private_flat' });
    expect(toCreateRequest(form.getRawValue(), TODAY)).toEqual(
      expect.objectContaining({ supportStart: '2026-11-02', supportStartReason: 'nicht nötig', householdMembers: 4, responsibleManagerId: 'm-1', housing: 'private_flat' }),
    );
  });

  it('asks for a duplicate check only with first name, last name and a full date of birth', () => {
    const value = filled().getRawValue();
    expect(toDuplicateCheck(value)).toEqual({ firstName: 'Rania', lastName: 'Haddad', firstNameOriginal: 'رانيا', lastNameOriginal: null, dateOfBirth: '1990-03-15' });
    expect(toDuplicateCheck({ ...value, lastName: ' ' })).toBeNull();
    expect(toDuplicateCheck({ ...value, dateOfBirth: '' })).toBeNull();
    expect(toDuplicateCheck({ ...value, dateOfBirth: '15.03.199' })).toBeNull();
  });

  it('accepts a draft only in the shape of the form', () => {
    const form = intakeForm(() => TODAY);
    expect(isIntakeDraft({ firstName: 'Rania', nationalities: ['SY'] }, form)).toBe(true);
    expect(isIntakeDraft({ firstName: 3 }, form)).toBe(false);
    expect(isIntakeDraft({ unknown: 'x' }, form)).toBe(false);
    expect(isIntakeDraft({ nationalities: 'SY' }, form)).toBe(false);
    expect(isIntakeDraft(null, form)).toBe(false);
  });
});
