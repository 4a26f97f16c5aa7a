import { CefrLevel, EducationCertificate, RecognitionState } from '@wegweiser/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Table `qualification`: at most one per client (schooling, training, degree, recognition, interests). */
@Entity({ name: 'qualification' })
export class QualificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('uuid')
  clientId!: string;

  @Column('smallint', { nullable: true })
  schoolYears!: number | null;

  @Column('char', { length: 2, nullable: true })
  schoolCountry!: string | null;

  @Column('varchar', { length: 32, nullable: true })
  schoolCertificate!: EducationCertificate | null;

  @Column('varchar', { length: 200, nullable: true })
  vocationalTraining!: string | null;

  @Column('varchar', { length: 200, nullable: true })
  universityDegree!: string | null;

  @Column('varchar', { length: 16, nullable: true })
  recognitionState!: RecognitionState | null;

  @Column('varchar', { length: 100, array: true })
  interests!: string[];

  @Column('integer')
  version!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** Table `work_experience`. */
@Entity({ name: 'work_experience' })
export class WorkExperienceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('uuid')
  clientId!: string;

  @Column('varchar', { length: 200 })
  occupation!: string;

  @Column('smallint')
  years!: number;

  @Column('char', { length: 2, nullable: true })
  country!: string | null;

  @Column('integer')
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** Table `language_skill`: one row per client and language. */
@Entity({ name: 'language_skill' })
export class LanguageSkillEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('uuid')
  clientId!: string;

  @Column('varchar', { length: 3 })
  language!: string;

  @Column('char', { length: 2 })
  level!: CefrLevel;

  @Column('boolean')
  native!: boolean;

  @Column('varchar', { length: 100, nullable: true })
  certificate!: string | null;

  @Column('varchar', { length: 100, nullable: true })
  exam!: string | null;

  @Column('date', { nullable: true })
  certifiedOn!: string | null;

  @Column('integer')
  version!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
