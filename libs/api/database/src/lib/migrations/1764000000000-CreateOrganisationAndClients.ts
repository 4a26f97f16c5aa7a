import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tenant (municipality), its teams, and the core of a client's file.
 * Later migrations add accounts, row-level security and the rest of the case.
 */
export class CreateOrganisationAndClients1764000000000 implements MigrationInterface {
  name = 'CreateOrganisationAndClients1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE municipality (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(8) NOT NULL UNIQUE CHECK (code ~ '^[A-Z]{2,8}$'),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE team (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (municipality_id, name)
      )`);
    await queryRunner.query(`
      CREATE TABLE client (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        team_id uuid NOT NULL REFERENCES team (id),
        case_number varchar(20) NOT NULL,
        first_name text NOT NULL,
        last_name text NOT NULL,
        first_name_original text,
        last_name_original text,
        date_of_birth date NOT NULL,
        gender varchar(16) NOT NULL CHECK (gender IN ('female', 'male', 'diverse', 'unspecified')),
        country_of_origin char(2) NOT NULL,
        arrival_date date,
        support_start date NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT client_case_number_unique UNIQUE (municipality_id, case_number)
      )`);
    await queryRunner.query(`CREATE INDEX client_team_idx ON client (team_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE client`);
    await queryRunner.query(`DROP TABLE team`);
    await queryRunner.query(`DROP TABLE municipality`);
  }
}
