import { entityTypeKey } from './shared/labels';

describe('entityTypeKey', () => {
  it('names known entity types in words and the rest as "other"', () => {
    expect(entityTypeKey('client_read')).toBe('entityTypes.client_read');
    expect(entityTypeKey('subject_access')).toBe('entityTypes.subject_access');
    expect(entityTypeKey('something_new')).toBe('entityTypes.other');
    expect(entityTypeKey(null)).toBe('entityTypes.none');
  });
});
