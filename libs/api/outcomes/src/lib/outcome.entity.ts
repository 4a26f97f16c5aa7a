import { B1OrHigher, CefrLevel, EmploymentKind, GoalState, OutcomeKind } from '@wegweiser/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Table `outcome`: one success criterion reached (b1) or taken up (employment, apprenticeship, studies). */
@Entity({ name: 'outcome' })
export class OutcomeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('uuid')
  clientId!: string;

  @Column('varchar', { length: 16 })
  kind!: OutcomeKind;

  @Column('date')
  achievedOn!: string;

  @Column('date', { nullable: true })
  endedOn!: string | null;

  /** "Bei Beginn vorhanden": already there at support start (the only case where `achievedOn` may precede it). */
  @Column('boolean', { default: false })
  presentAtStart!: boolean;

  /** Apprenticeship / studies: ended with the qualification (true) or broken off (false); null while running. */
  @Column('boolean', { nullable: true })
  completed!: boolean | null;

  @Column('char', { length: 2, nullable: true })
  level!: B1OrHigher | null;

  @Column('varchar', { length: 100, nullable: true })
  certificate!: string | null;

  @Column('varchar', { length: 16, nullable: true })
  employmentKind!: EmploymentKind | null;

  @Column('boolean', { nullable: true })
  fullTime!: boolean | null;

  @Column('boolean', { nullable: true })
  matchesQualification!: boolean | null;

  @Column('varchar', { length: 200, nullable: true })
  description!: string | null;

  /** What recording it changed besides itself (see `OutcomeEffects`), for undo; null when nothing. */
  @Column('jsonb', { nullable: true })
  effects!: OutcomeEffects | null;

  @Column('integer')
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** Stored in `outcome.effects`: the goals closed (with the state before) and the German entry before the level was raised. */
export interface OutcomeEffects {
  goals: { id: string; state: GoalState; stateChangedOn: string }[];
  /** `previous` null: German was not recorded before (undo removes the entry it added). */
  german: { skillId: string; level: CefrLevel; previous: GermanSkillValues | null } | null;
}

/** The replaceable fields of a German language entry. */
export interface GermanSkillValues {
  level: CefrLevel;
  certificate: string | null;
  exam: string | null;
  certifiedOn: string | null;
}

/** Table `soft_rating`: appended periodically, never changed (the series shows change over time). */
@Entity({ name: 'soft_rating' })
export class SoftRatingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('uuid')
  clientId!: string;

  @Column('uuid', { nullable: true })
  ratedBy!: string | null;

  @Column('date')
  ratedOn!: string;

  @Column('smallint')
  health!: number;

  @Column('smallint')
  socialEnvironment!: number;

  @Column('smallint', { nullable: true })
  employmentQuality!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
