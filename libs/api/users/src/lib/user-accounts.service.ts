import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { SET_LOGIN_EMAIL_SQL } from '@wegweiser/api/database';
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

  async secrets(id: string): Promise<{ passwordHash: string; totpSecret: string | null; totpLastStep: number | null; recoveryCodeHashes: string[] } | null> {
    const row = await this.manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select(['u.id', 'u.passwordHash', 'u.totpSecret', 'u.totpLastStep', 'u.recoveryCodeHashes'])
      .where('u.id = :id', { id })
      .getOne();
    return row ? { passwordHash: row.passwordHash, totpSecret: row.totpSecret, totpLastStep: row.totpLastStep, recoveryCodeHashes: row.recoveryCodeHashes } : null;
  }

  async update(id: string, changes: Partial<Pick<UserEntity, 'passwordHash' | 'passwordMustChange' | 'totpSecret' | 'totpEnabled' | 'totpLastStep' | 'recoveryCodeHashes' | 'failedAttempts' | 'lockedUntil' | 'locale'>>): Promise<void> {
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
