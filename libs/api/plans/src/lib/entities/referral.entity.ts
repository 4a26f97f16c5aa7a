import { ReferralState } from '@wegweiser/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A referral of a client to a partner's offer (table `referral`); the partner is kept for the consent check. */
@Entity({ name: 'referral' })
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('uuid')
  clientId!: string;

  @Column('uuid', { nullable: true })
  goalId!: string | null;

  @Column('uuid')
  partnerOfferId!: string;

  @Column('uuid')
  partnerId!: string;

  @Column('varchar', { length: 16 })
  state!: ReferralState;

  @Column('date', { nullable: true })
  sentOn!: string | null;

  @Column('date')
  stateChangedOn!: string;

  @Column('integer')
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
