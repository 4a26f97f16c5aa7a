import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AuditService } from '@wegweiser/api/audit';
import { TenantContext } from '@wegweiser/api/core';
import { UserAccountsService, UserEntity } from '@wegweiser/api/users';
import { ERROR_CODES, USER_AUDIT_ENTITY_TYPES, USER_ERROR_CODES, UserResponse } from '@wegweiser/shared/contracts';
import { Repository } from 'typeorm';
import { toUserResponse } from './users.service';

const notFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such account.' });
const ownAccount = () =>
  new ConflictException({ code: USER_ERROR_CODES.cannotChangeOwnAccount, message: 'You cannot unlock or reset the second factor of your own account.' });

/**
 * The administrator's help for an account that cannot sign in: lift a
 * lockout, turn a lost second factor off. Scoped to the administrator's
 * municipality (404 elsewhere, audited as denied), never the own account,
 * every change audited.
 */
@Injectable()
export class AccountSecurityService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
    private readonly accounts: UserAccountsService,
  ) {}

  private get users(): Repository<UserEntity> {
    return this.txHost.tx.getRepository(UserEntity);
  }

  /** Failed attempts back to 0, no lock: the next right password signs in. */
  async unlock(id: string): Promise<UserResponse> {
    await this.lockInScope(id);
    await this.users.update({ id, municipalityId: this.municipalityId }, { failedAttempts: 0, lockedUntil: null });
    await this.audit.record({ action: 'update', outcome: 'success', entityType: USER_AUDIT_ENTITY_TYPES.lock, entityId: id });
    return toUserResponse(await this.lockInScope(id));
  }

  /**
   * The second factor off: secret, last step and recovery codes deleted, the
   * sessions ended. Sign-in asks roles that require a second factor (admin,
   * dpo) to set it up again; for the others it is simply off.
   */
  async resetSecondFactor(id: string): Promise<UserResponse> {
    await this.lockInScope(id);
    await this.users.update(
      { id, municipalityId: this.municipalityId },
      { totpEnabled: false, totpSecret: null, totpLastStep: null, recoveryCodeHashes: [] },
    );
    await this.accounts.endSessions(id);
    await this.audit.record({ action: 'update', outcome: 'success', entityType: USER_AUDIT_ENTITY_TYPES.secondFactor, entityId: id });
    return toUserResponse(await this.lockInScope(id));
  }

  private get municipalityId(): string {
    return this.tenant.requireUser().municipalityId;
  }

  /**
   * The account, locked until the request's transaction ends, if it is in the
   * administrator's municipality and not their own; otherwise 404 (audited as
   * denied) or 409.
   */
  private async lockInScope(id: string): Promise<UserEntity> {
    if (id === this.tenant.requireUser().id) throw ownAccount();
    const user = await this.users
      .createQueryBuilder('u')
      .where('u.id = :id AND u.municipality_id = :municipalityId', { id, municipalityId: this.municipalityId })
      .setLock('pessimistic_write')
      .getOne();
    if (!user) {
      await this.audit.record({ action: 'denied', outcome: 'denied', entityType: USER_AUDIT_ENTITY_TYPES.account, entityId: id });
      throw notFound();
    }
    return user;
  }
}
