import { entityTypeKey } from './shared/labels';

describe('entityTypeKey', () => {
  it('names known entity types in words and the rest as "other"', () => {
    expect(entityTypeKey('client_read')).toBe('entityTypes.client_read');
    expect(entityTypeKey('subject_access')).toBe('entityTypes.subject_access');
    expect(entityTypeKey('something_new')).toBe('entityTypes.other');
    expect(entityTypeKey(null)).toBe('entityTypes.none');
  });

  it('names what the administration changes and exports: the confidentiality threshold k and the Verwendungsnachweis', () => {
    expect(entityTypeKey('evaluation_policy_change')).toBe('entityTypes.evaluation_policy_change');
    expect(entityTypeKey('funding_report')).toBe('entityTypes.funding_report');
    expect(entityTypeKey('user_recovery_code')).toBe('entityTypes.user_recovery_code');
  });
});
