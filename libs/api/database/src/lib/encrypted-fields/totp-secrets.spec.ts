import { FieldCipher, FieldDecryptionError, generateFieldKey, parseFieldKeys } from '@wegweiser/api/crypto';
import { APP_USER_ENCRYPTED_FIELDS, sealTotpSecretRows, totpSecretAad } from './totp-secrets';

const key = generateFieldKey();
const cipher = new FieldCipher(parseFieldKeys(`${key.id}:${key.secret}`, key.id));
/** The check constraint of migration EncryptTotpSecretsAtRest1767100000000. */
const CONSTRAINT = /^v1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]{22}==:[A-Za-z0-9+/]*={0,2}$/;
const ANNA = '3f0c2f55-3c5e-4b8e-9d0c-0c1e2b3a4d5f';
const BERND = '9a1d2e33-4b5c-4d6e-8f70-8192a3b4c5d6';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('TOTP secrets at rest', () => {
  it('binds a secret to its account and field: app_user:<id>:totp_secret', () => {
    expect(totpSecretAad(ANNA)).toBe(`app_user:${ANNA}:totp_secret`);
    expect(APP_USER_ENCRYPTED_FIELDS).toEqual({ table: 'app_user', columns: [{ column: 'totp_secret', field: 'totp_secret' }] });
  });

  it('encrypts plain rows into values the check constraint accepts, each for its own row, never containing the secret', () => {
    const { ids, sealed } = sealTotpSecretRows(cipher, [
      { id: ANNA, secret: SECRET },
      { id: BERND, secret: SECRET },
    ]);
    expect(ids).toEqual([ANNA, BERND]);
    expect(sealed[0]).not.toBe(sealed[1]);
    for (const value of sealed) {
      expect(value).toMatch(CONSTRAINT);
      expect(value).not.toContain(SECRET);
      expect(value.startsWith(`v1:${key.id}:`)).toBe(true);
    }
    expect(cipher.decrypt(sealed[0] as string, totpSecretAad(ANNA))).toBe(SECRET);
    expect(cipher.decrypt(sealed[1] as string, totpSecretAad(BERND))).toBe(SECRET);
  });

  it('a secret moved to another account does not decrypt there', () => {
    const { sealed } = sealTotpSecretRows(cipher, [{ id: ANNA, secret: SECRET }]);
    expect(() => cipher.decrypt(sealed[0] as string, totpSecretAad(BERND))).toThrow(FieldDecryptionError);
  });

  it('a plain base32 secret is not something the constraint accepts', () => {
    expect(SECRET).not.toMatch(CONSTRAINT);
    expect(sealTotpSecretRows(cipher, [])).toEqual({ ids: [], sealed: [] });
  });
});
