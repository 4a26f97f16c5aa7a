import { Gender } from '@wegweiser/shared/contracts';
import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The core of a client's file (table `client`); the case file issue adds the rest. */
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

  @Column('integer')
  version!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
