import { ConversationForm, FieldOfAction, InterpreterKind } from '@wegweiser/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Table `conversation`. Note and agreements only as ciphertext
 * (`FieldCipher`, AAD `conversation:<id>:<field>`): the id is chosen before
 * the insert so that the ciphertext can be bound to it.
 */
@Entity({ name: 'conversation' })
export class ConversationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('uuid')
  clientId!: string;

  @Column('uuid')
  staffId!: string;

  @Column('timestamptz')
  heldAt!: Date;

  @Column('smallint')
  durationMinutes!: number;

  @Column('varchar', { length: 16 })
  form!: ConversationForm;

  @Column('varchar', { length: 16 })
  interpreter!: InterpreterKind;

  @Column('varchar', { length: 3 })
  language!: string;

  @Column('varchar', { length: 32, array: true })
  topics!: FieldOfAction[];

  @Column('text')
  noteCiphertext!: string;

  @Column('text', { nullable: true })
  agreementsCiphertext!: string | null;

  @Column('timestamptz', { nullable: true })
  nextAppointmentAt!: Date | null;

  @Column('integer')
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
