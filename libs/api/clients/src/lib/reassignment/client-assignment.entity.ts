import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One change of a client's responsible manager (append-only history, table `client_assignment`). */
@Entity({ name: 'client_assignment' })
export class ClientAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('uuid')
  clientId!: string;

  @Column('uuid', { nullable: true })
  fromManagerId!: string | null;

  @Column('uuid')
  toManagerId!: string;

  /** Free text of the team lead: shown in the history only, never logged or put in the timeline. */
  @Column('text')
  reason!: string;

  @Column('uuid')
  assignedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  assignedAt!: Date;
}
