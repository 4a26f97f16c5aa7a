import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { FieldCipher } from '@wegweiser/api/crypto';
import { SET_LOGIN_EMAIL_SQL, totpSecretAad } from '@wegweiser/api/database';
import { MeResponse, ROLE_PERMISSIONS, SessionStage } from '@wegweiser/shared/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { MunicipalityEntity, TeamEntity } from './organisation.entities';
import { UserEntity } from './user.entity';

/** The columns sign-in needs, including the secret ones (never returned to a client). */
export type LoginAccount = Pick<
  UserEntity,
  'id' | 'municipalityId' | 'teamId' | 'role' | 'active' | 'passwordHash' | 'passwordMustChange' | 'totpEnabled' | 'failedAttempts' | 'lockedUntil'
>;

/**
 * Account access for authentication. Sign-in runs before the municipality is
 * known: `withLoginAccount` opens a transaction in which row-level security
 * lets exactly the account with that e-mail through.
 */
@Injectable()
export class UserAccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cipher: FieldCipher,
  ) {}

  withLoginAccount<T>(email: string, work: (account: LoginAccount | null, manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(SET_LOGIN_EMAIL_SQL, [email]);
      const account = await manager
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .where('u.email = :email', { email })
        .setLock('pessimistic_write')
        .getOne();
      return work(account, manager);
    });
  }

  /** In the request's tenant transaction. */
  private get manager(): EntityManager {
    return this.txHost.tx;
  }

  findActive(id: string): Promise<UserEntity | null> {
    return this.manager.getRepository(UserEntity).findOne({ where: { id, active: true } });
  }

  /** Password hash, last TOTP step and recovery-code hashes (the TOTP secret only through `totpSecret`). */
  async secrets(id: string): Promise<{ passwordHash: string; totpLastStep: number | null; recoveryCodeHashes: string[] } | null> {
    const row = await this.manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id', 'u.passwordHash', 'u.totpLastStep', 'u.recoveryCodeHashes'])
      .where('u.id = :id', { id })
      .getOne();
    return row ? { passwordHash: row.passwordHash, totpLastStep: row.totpLastStep, recoveryCodeHashes: row.recoveryCodeHashes } : null;
  }

  /**
   * The TOTP secret (base32), decrypted for this account only (AAD
   * `app_user:<id>:totp_secret`), and the last accepted step. A value that does
   * not decrypt — a wrong key, or a ciphertext copied from another account —
   * throws `FieldDecryptionError` (500, logged with the key id only).
   */
  async totpSecret(id: string): Promise<{ secret: string | null; lastStep: number | null } | null> {
    const row = await this.manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id', 'u.totpSecret', 'u.totpLastStep'])
      .where('u.id = :id', { id })
      .getOne();
    if (!row) return null;
    return { secret: row.totpSecret === null ? null : this.cipher.decrypt(row.totpSecret, totpSecretAad(id)), lastStep: row.totpLastStep };
  }

  /** A new secret, encrypted before it is written; TOTP off until a code confirms it (the pending secret is never kept elsewhere). */
  async storePendingTotpSecret(id: string, secret: string): Promise<void> {
    await this.manager.getRepository(UserEntity).update({ id }, { totpSecret: this.cipher.encrypt(secret, totpSecretAad(id)), totpEnabled: false });
  }

  /** Everything but the TOTP secret, which is written encrypted by `storePendingTotpSecret` only. */
  async update(id: string, changes: Partial<Pick<UserEntity, 'passwordHash' | 'passwordMustChange' | 'totpEnabled' | 'totpLastStep' | 'recoveryCodeHashes' | 'failedAttempts' | 'lockedUntil' | 'locale'>>): Promise<void> {
    await this.manager.getRepository(UserEntity).update({ id }, changes);
  }

  async me(user: UserEntity, stage: SessionStage): Promise<MeResponse> {
    const municipality = await this.manager.getRepository(MunicipalityEntity).findOneByOrFail({ id: user.municipalityId });
    const team = user.teamId ? await this.manager.getRepository(TeamEntity).findOneBy({ id: user.teamId }) : null;
    return {
      id: user.id,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      role: user.role,
      permissions: [...ROLE_PERMISSIONS[user.role]],
      municipality: { id: municipality.id, name: municipality.name },
      team: team ? { id: team.id, name: team.name } : null,
      totpEnabled: user.totpEnabled,
      stage,
      locale: user.locale,
    };
  }

  /**
   * Ends every server-side session of a user (deactivation, password reset),
   * or every one but `exceptSessionId` (the user's own password change).
   */
  async endSessions(userId: string, exceptSessionId?: string): Promise<number> {
    const result = await this.manager.query(`DELETE FROM user_session WHERE sess ->> 'userId' = $1 AND sid IS DISTINCT FROM $2`, [userId, exceptSessionId ?? null]);
    return Array.isArray(result) ? Number(result[1] ?? 0) : 0;
  }
}
