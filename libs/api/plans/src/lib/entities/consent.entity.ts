import { ConsentRecipientKind, ConsentRecording, DataCategory } from '@wegweiser/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A client's consent to pass data to a partner or to the evaluation (table `consent`). */
@Entity({ name: 'consent' })
export class ConsentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('uuid')
  clientId!: string;

  @Column('text')
  purpose!: string;

  @Column('varchar', { length: 16 })
  recipientKind!: ConsentRecipientKind;

  @Column('uuid', { nullable: true })
  partnerId!: string | null;

  @Column('varchar', { length: 16, array: true })
  dataCategories!: DataCategory[];

  @Column('date')
  givenOn!: string;

  @Column('date', { nullable: true })
  validUntil!: string | null;

  @Column('date', { nullable: true })
  withdrawnOn!: string | null;

  @Column('varchar', { length: 20 })
  recordedAs!: ConsentRecording;

  /** Where the signed paper is filed. */
  @Column('varchar', { length: 200, nullable: true })
  filedAt!: string | null;

  @Column('integer')
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
