import { CefrLevel, FieldOfAction, GoalState, StepAssignee } from '@wegweiser/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A goal of a client's integration plan (table `goal`). */
@Entity({ name: 'goal' })
export class GoalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('uuid')
  clientId!: string;

  @Column('varchar', { length: 32 })
  fieldOfAction!: FieldOfAction;

  @Column('text')
  target!: string;

  @Column('varchar', { length: 2, nullable: true })
  targetLevel!: CefrLevel | null;

  @Column('date')
  dueOn!: string;

  @Column('varchar', { length: 16 })
  state!: GoalState;

  @Column('date')
  stateChangedOn!: string;

  @Column('integer')
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** An agreed step of a goal (table `goal_step`). */
@Entity({ name: 'goal_step' })
export class GoalStepEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('uuid')
  goalId!: string;

  @Column('text')
  description!: string;

  @Column('varchar', { length: 16 })
  assignee!: StepAssignee;

  @Column('date', { nullable: true })
  dueOn!: string | null;

  @Column('date', { nullable: true })
  doneOn!: string | null;

  @Column('integer')
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
