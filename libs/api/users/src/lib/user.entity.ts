import { Locale, Role } from '@wegweiser/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** An account (table `app_user`). Never leaves the API: map to MeResponse / UserResponse. */
@Entity({ name: 'app_user' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('uuid', { nullable: true })
  teamId!: string | null;

  @Column('text')
  email!: string;

  @Column('text')
  firstName!: string;

  @Column('text')
  lastName!: string;

  @Column('varchar', { length: 16 })
  role!: Role;

  @Column('text', { select: false })
  passwordHash!: string;

  @Column('boolean')
  passwordMustChange!: boolean;

  /**
   * The TOTP secret, pending or active, encrypted (`v1:<keyId>:...`, AAD
   * `app_user:<id>:totp_secret`); a check constraint refuses plain text.
   * Read and written through `UserAccountsService` only; null = no second factor.
   */
  @Column('text', { nullable: true, select: false })
  totpSecret!: string | null;

  @Column('boolean')
  totpEnabled!: boolean;

  @Column('text', { array: true, select: false })
  recoveryCodeHashes!: string[];

  /** Last accepted TOTP time step (a code works once). */
  @Column('bigint', { nullable: true, select: false, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  totpLastStep!: number | null;

  @Column('integer')
  failedAttempts!: number;

  @Column('timestamptz', { nullable: true })
  lockedUntil!: Date | null;

  @Column('boolean')
  active!: boolean;

  /** Language of the user interface (`de` or `en`). */
  @Column('varchar', { length: 5 })
  locale!: Locale;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
