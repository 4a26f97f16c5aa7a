import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { PasswordHasher } from '@wegweiser/api/auth';
import { AuditService } from '@wegweiser/api/audit';
import { RequestUser, TenantContext } from '@wegweiser/api/core';
import { TeamEntity, UserAccountsService, UserEntity } from '@wegweiser/api/users';
import {
  CreateUserResponse,
  ERROR_CODES,
  ResetPasswordResponse,
  Role,
  TEAM_FIELD_CODES,
  USER_ERROR_CODES,
  UserResponse,
} from '@wegweiser/shared/contracts';
import { Repository } from 'typeorm';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { OneTimePasswords } from './one-time-passwords';
import { teamAssignmentProblem, TeamFieldCode } from './team-rules';
import { isUniqueViolation, UNIQUE_CONSTRAINTS } from './unique-violation';

const notFound = () => new NotFoundException({ code: ERROR_CODES.notFound, message: 'No such account.' });
const ownAccount = () =>
  new ConflictException({ code: USER_ERROR_CODES.cannotChangeOwnAccount, message: 'You cannot deactivate, demote or reset your own account.' });
const stale = (currentVersion: number) =>
  new ConflictException({ code: USER_ERROR_CODES.staleVersion, message: 'Someone else changed this account in the meantime.', currentVersion });
const teamProblem = (code: TeamFieldCode) =>
  new BadRequestException({ code: ERROR_CODES.validationFailed, message: 'Invalid fields: teamId', errors: { teamId: code } });

export function toUserResponse(user: UserEntity, now: Date = new Date()): UserResponse {
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    role: user.role,
    teamId: user.teamId,
    active: user.active,
    totpEnabled: user.totpEnabled,
    locked: !!user.lockedUntil && user.lockedUntil > now,
    version: user.version,
  };
}

type UserChanges = Partial<Pick<UserEntity, 'role' | 'teamId' | 'active' | 'firstName' | 'lastName'>>;

/**
 * Account administration within the administrator's municipality. Every
 * query names the municipality, under the row-level security of the
 * request's transaction: an account elsewhere is simply not found (404).
 * Passwords are only ever generated here (one-time, shown once); the
 * account has to replace it at its next sign-in.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
    private readonly accounts: UserAccountsService,
    private readonly hasher: PasswordHasher,
    private readonly oneTimePasswords: OneTimePasswords,
  ) {}

  private get users(): Repository<UserEntity> {
    return this.txHost.tx.getRepository(UserEntity);
  }

  async list(): Promise<UserResponse[]> {
    const admin = this.tenant.requireUser();
    const users = await this.users
      .createQueryBuilder('u')
      .where('u.municipality_id = :municipalityId', { municipalityId: admin.municipalityId })
      .orderBy('u.last_name', 'ASC')
      .addOrderBy('u.first_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .getMany();
    const now = new Date();
    return users.map((user) => toUserResponse(user, now));
  }

  async get(id: string): Promise<UserResponse> {
    return toUserResponse(await this.findInScope(id));
  }

  async create(dto: CreateUserDto): Promise<CreateUserResponse> {
    const admin = this.tenant.requireUser();
    const teamId = dto.teamId ?? null;
    await this.checkTeam(admin, dto.role, teamId);
    const oneTimePassword = this.oneTimePasswords.generate({ email: dto.email, firstName: dto.firstName, lastName: dto.lastName });
    let id: string;
    try {
      const inserted = await this.users.insert({
        municipalityId: admin.municipalityId,
        teamId,
        email: dto.email,
        firstName: dto.firstName,
        lastName: dto.lastName,
        role: dto.role,
        passwordHash: await this.hasher.hash(oneTimePassword),
        passwordMustChange: true,
        totpEnabled: false,
        recoveryCodeHashes: [],
        failedAttempts: 0,
        lockedUntil: null,
        active: true,
      });
      id = String(inserted.identifiers[0]?.['id']);
    } catch (error) {
      if (isUniqueViolation(error, UNIQUE_CONSTRAINTS.userEmail)) {
        throw new ConflictException({ code: USER_ERROR_CODES.emailTaken, message: 'An account with this e-mail address exists already.' });
      }
      throw error;
    }
    await this.audit.record({ action: 'create', outcome: 'success', entityType: 'user', entityId: id });
    return { user: toUserResponse(await this.findInScope(id, { auditDenial: false })), oneTimePassword };
  }

  /**
   * Role, team, names, active. Deactivating or changing the role ends the
   * account's sessions (a new role may need a second factor first); an
   * administrator cannot deactivate or demote themselves.
   */
  async update(id: string, dto: UpdateUserDto): Promise<UserResponse> {
    const admin = this.tenant.requireUser();
    const current = await this.findInScope(id, { lock: true });
    const { version, ...requested } = dto;
    const changes: UserChanges = Object.fromEntries(Object.entries(requested).filter(([, value]) => value !== undefined));
    const roleChanges = changes.role !== undefined && changes.role !== current.role;
    const deactivates = changes.active === false && current.active;
    if (id === admin.id && (roleChanges || changes.active === false)) throw ownAccount();
    if (version !== undefined && version !== current.version) throw stale(current.version);
    if (changes.role !== undefined || changes.teamId !== undefined) {
      await this.checkTeam(admin, changes.role ?? current.role, changes.teamId !== undefined ? changes.teamId : current.teamId);
    }
    if (!Object.keys(changes).length) return toUserResponse(current);

    // TypeORM raises `version` and `updated_at` with every update.
    await this.users.update({ id, municipalityId: admin.municipalityId }, changes);
    if (deactivates || roleChanges) await this.accounts.endSessions(id);
    await this.audit.record({ action: deactivates ? 'delete' : 'update', outcome: 'success', entityType: 'user', entityId: id });
    return toUserResponse(await this.findInScope(id, { auditDenial: false }));
  }

  /** A new one-time password (to be changed at the next sign-in); lifts a lockout and ends the account's sessions. */
  async resetPassword(id: string): Promise<ResetPasswordResponse> {
    const admin = this.tenant.requireUser();
    if (id === admin.id) throw ownAccount();
    const user = await this.findInScope(id, { lock: true });
    const oneTimePassword = this.oneTimePasswords.generate({ email: user.email, firstName: user.firstName, lastName: user.lastName });
    await this.users.update(
      { id, municipalityId: admin.municipalityId },
      { passwordHash: await this.hasher.hash(oneTimePassword), passwordMustChange: true, failedAttempts: 0, lockedUntil: null },
    );
    await this.accounts.endSessions(id);
    await this.audit.record({ action: 'update', outcome: 'success', entityType: 'user_password', entityId: id });
    return { oneTimePassword };
  }

  /** The team rule of the role, and the team must be one of this municipality's. */
  private async checkTeam(admin: RequestUser, role: Role, teamId: string | null): Promise<void> {
    const problem = teamAssignmentProblem(role, teamId);
    if (problem) throw teamProblem(problem);
    if (teamId && !(await this.txHost.tx.getRepository(TeamEntity).existsBy({ id: teamId, municipalityId: admin.municipalityId }))) {
      throw teamProblem(TEAM_FIELD_CODES.unknownTeam);
    }
  }

  /**
   * The account if it is in the administrator's municipality; otherwise a
   * `denied` audit row and 404. With `lock`, the row stays locked until the
   * request's transaction ends (read-check-write without lost updates).
   */
  private async findInScope(id: string, { auditDenial = true, lock = false } = {}): Promise<UserEntity> {
    const query = this.users
      .createQueryBuilder('u')
      .where('u.id = :id AND u.municipality_id = :municipalityId', { id, municipalityId: this.tenant.requireUser().municipalityId });
    const user = await (lock ? query.setLock('pessimistic_write') : query).getOne();
    if (!user) {
      if (auditDenial) await this.audit.record({ action: 'denied', outcome: 'denied', entityType: 'user', entityId: id });
      throw notFound();
    }
    return user;
  }
}
