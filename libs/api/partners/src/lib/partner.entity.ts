import { PartnerKind, PartnerTopic } from '@wegweiser/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A cooperation partner or working group of the municipality (table `partner`). */
@Entity({ name: 'partner' })
export class PartnerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('text')
  name!: string;

  @Column('varchar', { length: 16 })
  kind!: PartnerKind;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('varchar', { length: 254, nullable: true })
  email!: string | null;

  @Column('varchar', { length: 40, nullable: true })
  phone!: string | null;

  @Column('varchar', { length: 300, nullable: true })
  website!: string | null;

  @Column('text', { nullable: true })
  address!: string | null;

  @Column('text', { nullable: true })
  contactPerson!: string | null;

  @Column('varchar', { length: 3, array: true })
  languages!: string[];

  @Column('boolean')
  active!: boolean;

  @Column('integer')
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** An offer of a partner under one topic (table `partner_offer`). */
@Entity({ name: 'partner_offer' })
export class PartnerOfferEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('uuid')
  partnerId!: string;

  @Column('varchar', { length: 16 })
  topic!: PartnerTopic;

  @Column('text')
  title!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('varchar', { length: 3, array: true })
  languages!: string[];

  @Column('text', { nullable: true })
  targetGroup!: string | null;

  @Column('text', { nullable: true })
  accessRoute!: string | null;

  @Column('boolean')
  active!: boolean;

  @Column('integer')
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A working group (Arbeitskreis) of the municipality (table `working_group`). */
@Entity({ name: 'working_group' })
export class WorkingGroupEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('text')
  name!: string;

  @Column('integer')
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
