import { ConversationForm, FieldOfAction, InterpreterKind } from '@wegweiser/shared/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Table `conversation_revision`: a version of a conversation as it was
 * before a correction replaced it (append-only). Note and agreements only as
 * ciphertext, bound to the revision's own id (AAD `conversation_revision:<id>:<field>`).
 */
@Entity({ name: 'conversation_revision' })
export class ConversationRevisionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('uuid')
  clientId!: string;

  @Column('uuid')
  conversationId!: string;

  @Column('integer')
  version!: number;

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

  @Column('timestamptz')
  replacedAt!: Date;

  @Column('uuid')
  replacedBy!: string;
}
