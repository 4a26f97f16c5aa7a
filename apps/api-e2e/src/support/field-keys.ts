/**
 * Field-encryption keys of the e2e runs (FIELD_ENCRYPTION_KEYS is required
 * with DATABASE_URL): spread into the environment of every in-process app,
 * spawned API or CLI that connects to the test server. Test-only keys.
 */
export const E2E_FIELD_KEY_ID = 'e2e1';
export const E2E_FIELD_KEYS = {
  FIELD_ENCRYPTION_KEYS: `${E2E_FIELD_KEY_ID}:ZTJlLW9ubHkgZmllbGQga2V5LCBuZXZlciBpbiB1c2U=`,
  FIELD_ENCRYPTION_ACTIVE_KEY: E2E_FIELD_KEY_ID,
};
