import { ExtensionState } from '@wegweiser/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A request to extend a support window beyond 36 months (table `support_extension`). */
@Entity({ name: 'support_extension' })
export class SupportExtensionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('uuid')
  clientId!: string;

  @Column('date')
  requestedUntil!: string;

  @Column('text')
  justification!: string;

  @Column('varchar', { length: 16 })
  state!: ExtensionState;

  @Column('uuid')
  requestedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column('uuid', { nullable: true })
  decidedBy!: string | null;

  @Column('date', { nullable: true })
  decidedOn!: string | null;

  @Column('text', { nullable: true })
  comment!: string | null;

  @Column('integer')
  version!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
