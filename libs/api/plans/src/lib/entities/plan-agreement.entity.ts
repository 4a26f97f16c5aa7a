import { PlanSnapshot } from '@wegweiser/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An agreed version of a client's plan, frozen (table `plan_agreement`; insert and read only). */
@Entity({ name: 'plan_agreement' })
export class PlanAgreementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('uuid')
  clientId!: string;

  @Column('integer')
  version!: number;

  @Column('date')
  agreedOn!: string;

  @Column('uuid')
  agreedBy!: string;

  @Column('jsonb')
  snapshot!: PlanSnapshot;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
