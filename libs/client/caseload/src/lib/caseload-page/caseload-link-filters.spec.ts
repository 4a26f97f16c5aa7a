import { convertToParamMap } from '@angular/router';
import { caseloadLinkFilters, caseloadLinkParams } from './caseload-link-filters';

describe('caseloadLinkFilters', () => {
  it('reads the form filters, the sort and the filters only a link sets', () => {
    const link = caseloadLinkFilters(
      convertToParamMap({
        state: 'active',
        fieldOfAction: 'work',
        windowEndsBefore: '2027-01-01',
        windowEndsAfter: '2026-12-01',
        lastContactBefore: '2026-09-01',
        managerId: '3f1c2a4e-8b5d-4c6e-9f7a-1b2c3d4e5f60',
        sort: 'windowEnd',
        openCases: 'true',
        goalState: 'open',
        noContactSince: '2026-09-26',
        goalsOverdue: 'true',
        stepsOverdue: 'true',
        planAwaitingSignOff: 'true',
        extensionPending: 'true',
      }),
    );
    expect(link).toEqual({
      form: { state: 'active', fieldOfAction: 'work', windowEndsBefore: '2027-01-01', lastContactBefore: '2026-09-01', managerId: '3f1c2a4e-8b5d-4c6e-9f7a-1b2c3d4e5f60' },
      sort: 'windowEnd',
      mine: null,
      linked: {
        windowEndsAfter: '2026-12-01',
        openCases: true,
        goalState: 'open',
        noContactSince: '2026-09-26',
        goalsOverdue: true,
        stepsOverdue: true,
        planAwaitingSignOff: true,
        extensionPending: true,
      },
    });
  });

  it('ignores what the list does not know', () => {
    const link = caseloadLinkFilters(
      convertToParamMap({ state: 'lost', fieldOfAction: 'x', windowEndsAfter: 'Dezember', managerId: 'julia', sort: 'age', goalsOverdue: '1', goalState: 'late' }),
    );
    expect(link).toEqual({ form: {}, sort: null, linked: {}, mine: null });
  });

  it('reads "Nur meine" from the link only when it says true or false', () => {
    expect(caseloadLinkFilters(convertToParamMap({ mine: 'true' })).mine).toBe(true);
    expect(caseloadLinkFilters(convertToParamMap({ mine: 'false' })).mine).toBe(false);
    expect(caseloadLinkFilters(convertToParamMap({ mine: 'ja' })).mine).toBeNull();
  });

  it('writes filters, sort and "Nur meine" into the link, never the search text, and reads them back', () => {
    const params = caseloadLinkParams({ q: 'Haddad', state: 'paused', sort: 'lastContact', goalsOverdue: true, openCases: false, pageSize: 50, mine: false });
    expect(params).toEqual({ state: 'paused', sort: 'lastContact', goalsOverdue: 'true', mine: 'false' });
    const back = caseloadLinkFilters(convertToParamMap(params));
    expect(back).toEqual({ form: { state: 'paused' }, sort: 'lastContact', linked: { goalsOverdue: true }, mine: false });
    expect(caseloadLinkParams({ windowEndsBefore: '2027-01-01', mine: null })).toEqual({ windowEndsBefore: '2027-01-01' });
  });

  it('keeps "endet in den nächsten 3 Monaten" in the link as windowEndsWithinMonths=3 (other values are ignored)', () => {
    const params = caseloadLinkParams({ windowEndsWithinMonths: 3, sort: 'windowEnd', mine: null });
    expect(params).toEqual({ windowEndsWithinMonths: '3', sort: 'windowEnd' });
    expect(caseloadLinkFilters(convertToParamMap(params)).form).toEqual({ endingSoon: true });
    expect(caseloadLinkFilters(convertToParamMap({ windowEndsWithinMonths: '7' })).form).toEqual({});
  });
});
