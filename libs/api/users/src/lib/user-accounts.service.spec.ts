import { FieldCipher, FieldDecryptionError, generateFieldKey, parseFieldKeys } from '@wegweiser/api/crypto';
import { totpSecretAad } from '@wegweiser/api/database';
import { UserAccountsService } from './user-accounts.service';

const key = generateFieldKey();
const cipher = new FieldCipher(parseFieldKeys(`${key.id}:${key.secret}`, key.id));
const ANNA = '3f0c2f55-3c5e-4b8e-9d0c-0c1e2b3a4d5f';
const BERND = '9a1d2e33-4b5c-4d6e-8f70-8192a3b4c5d6';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

type Row = { totpSecret: string | null; totpLastStep: number | null; totpEnabled?: boolean };

/** `app_user` as a map of rows, behind the two repository calls the service makes. */
function accountsOver(rows: Map<string, Row>): UserAccountsService {
  const repository = {
    update: async ({ id }: { id: string }, changes: Record<string, unknown>) => rows.set(id, { ...(rows.get(id) ?? { totpSecret: null, totpLastStep: null }), ...changes }),
    createQueryBuilder: () => {
      let id = '';
      const builder = {
        select: () => builder,
        where: (_sql: string, params: { id: string }) => ((id = params.id), builder),
        getOne: async () => (rows.has(id) ? { id, ...rows.get(id) } : null),
      };
      return builder;
    },
  };
  const txHost = { tx: { getRepository: () => repository } };
  return new UserAccountsService({} as never, txHost as never, cipher);
}

describe('UserAccountsService: the TOTP secret', () => {
  it('stores a pending secret encrypted for its account (never the base32 text), TOTP off', async () => {
    const rows = new Map<string, Row>([[ANNA, { totpSecret: null, totpLastStep: 7, totpEnabled: true }]]);
    await accountsOver(rows).storePendingTotpSecret(ANNA, SECRET);
    const stored = rows.get(ANNA);
    expect(stored?.totpEnabled).toBe(false);
    expect(stored?.totpSecret).toMatch(new RegExp(`^v1:${key.id}:`));
    expect(stored?.totpSecret).not.toContain(SECRET);
    expect(cipher.decrypt(stored?.totpSecret as string, totpSecretAad(ANNA))).toBe(SECRET);
  });

  it('reads it back decrypted with the last accepted step; no secret is null', async () => {
    const rows = new Map<string, Row>([[ANNA, { totpSecret: cipher.encrypt(SECRET, totpSecretAad(ANNA)), totpLastStep: 42 }], [BERND, { totpSecret: null, totpLastStep: null }]]);
    const accounts = accountsOver(rows);
    expect(await accounts.totpSecret(ANNA)).toEqual({ secret: SECRET, lastStep: 42 });
    expect(await accounts.totpSecret(BERND)).toEqual({ secret: null, lastStep: null });
    expect(await accounts.totpSecret('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('refuses a secret copied from another account, and plain text, rather than returning it', async () => {
    const rows = new Map<string, Row>([[BERND, { totpSecret: cipher.encrypt(SECRET, totpSecretAad(ANNA)), totpLastStep: null }]]);
    await expect(accountsOver(rows).totpSecret(BERND)).rejects.toThrow(FieldDecryptionError);
    rows.set(BERND, { totpSecret: SECRET, totpLastStep: null });
    await expect(accountsOver(rows).totpSecret(BERND)).rejects.toThrow(FieldDecryptionError);
  });
});
