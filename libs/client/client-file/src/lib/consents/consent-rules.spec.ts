import { FormControl, FormGroup } from '@angular/forms';
import { ConsentResponse, PartnerResponse } from '@wegweiser/shared/contracts';
import { atLeastOne, consentState, consentStateDate, notBeforeSibling, notInFuture, recipientGroups } from './consent-rules';

const consent = (overrides: Partial<ConsentResponse> = {}): ConsentResponse => ({
  id: 'k-1',
  clientId: 'c-1',
  purpose: 'Vermittlung',
  recipientKind: 'partner',
  partnerId: 'p-1',
  partnerName: 'VHS',
  dataCategories: ['personal'],
  givenOn: '2026-01-10',
  validUntil: null,
  withdrawnOn: null,
  recordedAs: 'signed_paper',
  filedAt: null,
  valid: true,
  version: 1,
  ...overrides,
});

describe('consentState', () => {
  it('is valid until withdrawn or expired, and says which', () => {
    expect(consentState(consent(), '2026-03-01')).toBe('valid');
    expect(consentState(consent({ withdrawnOn: '2026-02-01', valid: false }), '2026-03-01')).toBe('withdrawn');
    expect(consentState(consent({ validUntil: '2026-02-28', valid: false }), '2026-03-01')).toBe('expired');
    expect(consentState(consent({ validUntil: '2026-03-01' }), '2026-03-01')).toBe('valid');
  });

  it('names the day of the state', () => {
    const withdrawn = consent({
      withdrawnOn: '2026-02-01',
      validUntil: '2026-12-31',
      valid: false,
    });
    expect(consentStateDate(withdrawn, 'withdrawn')).toBe('2026-02-01');
    expect(consentStateDate(withdrawn, 'valid')).toBe('2026-12-31');
    expect(consentStateDate(consent({ validUntil: '2026-02-28' }), 'expired')).toBe('2026-02-28');
  });
});

describe('recipientGroups', () => {
  it('separates organisations from working groups', () => {
    const partners = [
      { id: 'p-1', kind: 'organisation' },
      { id: 'p-2', kind: 'working_group' },
    ] as PartnerResponse[];
    const groups = recipientGroups(partners);
    expect(groups.organisations.map((p) => p.id)).toEqual(['p-1']);
    expect(groups.workingGroups.map((p) => p.id)).toEqual(['p-2']);
  });
});

describe('consent form validators', () => {
  it('refuses a day in the future', () => {
    const control = new FormControl(
      '2026-03-02',
      notInFuture(() => '2026-03-01'),
    );
    expect(control.errors).toEqual({ inFuture: true });
    control.setValue('2026-03-01');
    expect(control.errors).toBeNull();
  });

  it('refuses an end before the start', () => {
    const form = new FormGroup({
      givenOn: new FormControl('2026-03-01'),
      validUntil: new FormControl('2026-02-01', notBeforeSibling('givenOn')),
    });
    form.controls.validUntil.updateValueAndValidity();
    expect(form.controls.validUntil.errors).toEqual({ beforeGivenOn: true });
    form.controls.validUntil.setValue('2026-03-01');
    expect(form.controls.validUntil.errors).toBeNull();
  });

  it('needs one ticked box', () => {
    const group = new FormGroup({ a: new FormControl(false), b: new FormControl(false) }, atLeastOne);
    expect(group.errors).toEqual({ required: true });
    group.controls.b.setValue(true);
    expect(group.errors).toBeNull();
  });
});
