import { ClosureReason, SupportState } from '@wegweiser/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One change of a client's support state (append-only history, table `support_event`). */
@Entity({ name: 'support_event' })
export class SupportEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('uuid')
  clientId!: string;

  @Column('varchar', { length: 16, nullable: true })
  fromState!: SupportState | null;

  @Column('varchar', { length: 16 })
  toState!: SupportState;

  @Column('varchar', { length: 32, nullable: true })
  reason!: ClosureReason | null;

  /** The reason given for a pause, resumption or reopening. */
  @Column('varchar', { length: 500, nullable: true })
  note!: string | null;

  @Column('date')
  onDate!: string;

  @Column('uuid', { nullable: true })
  byUserId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt!: Date;
}
