import { PartnerResponse } from '@wegweiser/shared/contracts';
import { fillPartnerForm, partnerForm, partnerRequest } from './partner-form-model';

const stored: PartnerResponse = {
  id: 'p-1',
  name: 'Kulturbrücke e. V.',
  kind: 'organisation',
  description: null,
  email: 'kontakt@kulturbruecke.example',
  phone: null,
  website: null,
  address: null,
  contactPerson: 'Amal Haddad',
  languages: ['de', 'ar'],
  workingGroupIds: ['g-1'],
  active: true,
  version: 3,
  topics: [],
  offers: [],
};

describe('partner form model', () => {
  it('leaves empty optional fields out of a new partner and reads language codes', () => {
    const form = partnerForm();
    form.patchValue({ name: '  Neuer Verein ', languages: 'DE, tr' });
    expect(partnerRequest(form, false)).toEqual({
      name: 'Neuer Verein',
      kind: 'organisation',
      contactPerson: undefined,
      email: undefined,
      phone: undefined,
      address: undefined,
      website: undefined,
      description: undefined,
      languages: ['de', 'tr'],
      workingGroupIds: [],
      active: true,
    });
  });

  it('fills the form from a partner and clears emptied fields with null on update', () => {
    const form = partnerForm();
    fillPartnerForm(form, stored);
    expect(form.controls.languages.value).toBe('de, ar');
    form.patchValue({ contactPerson: ' ', phone: '+49 251 777' });
    expect(partnerRequest(form, true)).toMatchObject({ contactPerson: null, phone: '+49 251 777', email: 'kontakt@kulturbruecke.example', workingGroupIds: ['g-1'] });
  });

  it('refuses what the API would refuse', () => {
    const form = partnerForm();
    form.patchValue({ name: 'Verein', email: 'kein-at', phone: 'ruf an', website: 'verein.example', languages: 'Deutsch' });
    expect(['email', 'phone', 'website', 'languages'].filter((key) => form.get(key)?.invalid)).toEqual(['email', 'phone', 'website', 'languages']);
    form.patchValue({ email: 'a@b.example', phone: '0251 1', website: 'https://verein.example', languages: 'de' });
    expect(form.valid).toBe(true);
    form.patchValue({ name: '' });
    expect(form.valid).toBe(false);
  });
});
