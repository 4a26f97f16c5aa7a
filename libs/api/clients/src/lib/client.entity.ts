import { ClosureReason, Gender, HousingKind, ResidenceStatusCode, SupportState } from '@wegweiser/shared/contracts';
import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The personal part of a client's file and the state of the support period (table `client`). */
@Entity({ name: 'client' })
export class ClientEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('uuid')
  teamId!: string;

  @Column('uuid', { nullable: true })
  responsibleManagerId!: string | null;

  @Column('varchar', { length: 20 })
  caseNumber!: string;

  @Column('text')
  firstName!: string;

  @Column('text')
  lastName!: string;

  @Column('text', { nullable: true })
  firstNameOriginal!: string | null;

  @Column('text', { nullable: true })
  lastNameOriginal!: string | null;

  @Column('date')
  dateOfBirth!: string;

  @Column('varchar', { length: 16 })
  gender!: Gender;

  @Column('char', { length: 2 })
  countryOfOrigin!: string;

  @Column('date')
  supportStart!: string;

  @Column('date')
  supportWindowEnd!: string;

  /** Why the support period started before the day of intake (null: it started that day). */
  @Column('text', { nullable: true })
  supportStartReason!: string | null;

  @Column('varchar', { length: 16 })
  supportState!: SupportState;

  @Column('date', { nullable: true })
  pausedOn!: string | null;

  @Column('date', { nullable: true })
  closedOn!: string | null;

  @Column('varchar', { length: 32, nullable: true })
  closureReason!: ClosureReason | null;

  @Column('date', { nullable: true })
  arrivalDate!: string | null;

  @Column('char', { length: 2, array: true })
  nationalities!: string[];

  @Column('varchar', { length: 3, array: true })
  languagesSpoken!: string[];

  @Column('varchar', { length: 40, nullable: true })
  residenceStatus!: ResidenceStatusCode | null;

  @Column('date', { nullable: true })
  residenceValidUntil!: string | null;

  @Column('varchar', { length: 32, nullable: true })
  housing!: HousingKind | null;

  @Column('smallint', { nullable: true })
  householdMembers!: number | null;

  @Column('varchar', { length: 40, nullable: true })
  phone!: string | null;

  @Column('varchar', { length: 254, nullable: true })
  email!: string | null;

  @Column('text', { nullable: true })
  address!: string | null;

  /** Normalised names and case number for search (see clientSearchText); never leaves the API. */
  @Column('text')
  searchText!: string;

  /** Phone-book order (see clientSortKey), byte-wise: the keyset of list pages. */
  @Column('text')
  sortKey!: string;

  /** Day of the latest conversation (German calendar; null: never contacted), kept by LastContact when conversations are written. */
  @Column('date', { nullable: true })
  lastContactOn!: string | null;

  @Column('integer')
  version!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
