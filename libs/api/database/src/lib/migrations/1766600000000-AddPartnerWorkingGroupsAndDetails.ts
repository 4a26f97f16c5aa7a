import { MigrationInterface, QueryRunner } from 'typeorm';

/** The city's four standing working groups (Arbeitskreise), seeded for every municipality. */
export const DEFAULT_WORKING_GROUPS = ['Sprache', 'Arbeitsmarktintegration', 'Rechtliche Grundlagen', 'Beratung'];

const LANGUAGES = `varchar(3)[] NOT NULL DEFAULT '{}' CHECK (cardinality(languages) <= 30)`;

/**
 * The partner directory in detail:
 * - a partner gets a contact person and the languages it offers; an offer
 *   its languages, target group and how to refer (Zugangsweg);
 * - `working_group`: the municipality's working groups (Arbeitskreise),
 *   seeded with the four standing ones for every existing municipality and,
 *   by trigger, for every new one (the demo seeder too); the administrator
 *   adds more. Names are unique per municipality regardless of case;
 * - `partner_working_group`: which partner takes part in which group
 *   (composite keys keep both in one municipality).
 * Both tables are under row-level security like `partner`; the backfill
 * runs past FORCE ROW LEVEL SECURITY, lifted inside this transaction.
 */
export class AddPartnerWorkingGroupsAndDetails1766600000000 implements MigrationInterface {
  name = 'AddPartnerWorkingGroupsAndDetails1766600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE partner ADD COLUMN contact_person text CHECK (length(contact_person) <= 200), ADD COLUMN languages ${LANGUAGES}`);
    await queryRunner.query(`
      ALTER TABLE partner_offer ADD COLUMN languages ${LANGUAGES},
        ADD COLUMN target_group text CHECK (length(target_group) <= 300),
        ADD COLUMN access_route text CHECK (length(access_route) <= 500)`);
    await queryRunner.query(`
      CREATE TABLE working_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT working_group_id_municipality_key UNIQUE (id, municipality_id)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX working_group_name_unique ON working_group (municipality_id, lower(name))`);
    await queryRunner.query(`
      CREATE TABLE partner_working_group (
        municipality_id uuid NOT NULL,
        partner_id uuid NOT NULL,
        working_group_id uuid NOT NULL,
        PRIMARY KEY (partner_id, working_group_id),
        CONSTRAINT partner_working_group_partner_fk FOREIGN KEY (partner_id, municipality_id) REFERENCES partner (id, municipality_id) ON DELETE CASCADE,
        CONSTRAINT partner_working_group_group_fk FOREIGN KEY (working_group_id, municipality_id) REFERENCES working_group (id, municipality_id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX partner_working_group_group_idx ON partner_working_group (working_group_id)`);
    for (const table of ['working_group', 'partner_working_group']) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY ${table}_tenant ON ${table} USING (municipality_id = current_municipality_id()) WITH CHECK (municipality_id = current_municipality_id())`,
      );
    }
    const names = `ARRAY[${DEFAULT_WORKING_GROUPS.map((n) => `'${n}'`).join(', ')}]::text[]`;
    await queryRunner.query(`
      CREATE FUNCTION seed_working_groups() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO working_group (municipality_id, name) SELECT NEW.id, unnest(${names});
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER municipality_working_groups AFTER INSERT ON municipality FOR EACH ROW EXECUTE FUNCTION seed_working_groups()`);
    await queryRunner.query(`ALTER TABLE municipality NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE working_group NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`INSERT INTO working_group (municipality_id, name) SELECT m.id, n FROM municipality m CROSS JOIN unnest(${names}) n`);
    await queryRunner.query(`ALTER TABLE working_group FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE municipality FORCE ROW LEVEL SECURITY`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER municipality_working_groups ON municipality`);
    await queryRunner.query(`DROP FUNCTION seed_working_groups()`);
    await queryRunner.query(`DROP TABLE partner_working_group`);
    await queryRunner.query(`DROP TABLE working_group`);
    await queryRunner.query(`ALTER TABLE partner_offer DROP COLUMN languages, DROP COLUMN target_group, DROP COLUMN access_route`);
    await queryRunner.query(`ALTER TABLE partner DROP COLUMN contact_person, DROP COLUMN languages`);
  }
}
