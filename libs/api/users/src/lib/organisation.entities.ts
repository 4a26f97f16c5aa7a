import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The tenant: one town's data never mixes with another's. */
@Entity({ name: 'municipality' })
export class MunicipalityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('varchar', { length: 8 })
  code!: string;

  @Column('text')
  name!: string;
}

/** Integration managers and their team lead. */
@Entity({ name: 'team' })
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  municipalityId!: string;

  @Column('text')
  name!: string;
}
