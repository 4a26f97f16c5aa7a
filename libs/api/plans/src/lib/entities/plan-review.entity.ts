import { PlanReviewState } from '@wegweiser/shared/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One submission of an agreed plan version for the team lead's sign-off (table `plan_review`). */
@Entity({ name: 'plan_review' })
export class PlanReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('uuid')
  clientId!: string;

  @Column('integer')
  agreementVersion!: number;

  @Column('varchar', { length: 16 })
  state!: PlanReviewState;

  @Column('text', { nullable: true })
  comment!: string | null;

  @Column('uuid')
  submittedBy!: string;

  @Column('timestamptz', { default: () => 'now()' })
  submittedAt!: Date;

  @Column('uuid', { nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt!: Date | null;

  @Column('integer')
  version!: number;
}
