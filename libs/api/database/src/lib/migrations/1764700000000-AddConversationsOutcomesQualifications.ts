import { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

// Vocabularies as of this migration (a snapshot: a later migration widens the checks).
const CONVERSATION_FORMS = ['office', 'phone', 'video', 'home_visit'];
const INTERPRETER_KINDS = ['none', 'professional', 'volunteer', 'family'];
const FIELDS_OF_ACTION = ['language', 'work', 'apprenticeship', 'education', 'housing', 'health', 'social_participation', 'family', 'legal'];
const OUTCOME_KINDS = ['b1', 'employment', 'apprenticeship', 'studies'];
const EMPLOYMENT_KINDS = ['social_insurance', 'mini_job', 'self_employed'];
const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
const RECOGNITION_STATES = ['not_started', 'pending', 'full', 'partial', 'refused'];
const EDUCATION_CERTIFICATES = ['none', 'primary', 'lower_secondary', 'secondary', 'university_entrance'];

/** New tables with municipality data, in dependency order. */
const TABLES = ['conversation', 'outcome', 'soft_rating', 'qualification', 'work_experience', 'language_skill'];

/** `v1:<keyId>:<iv>:<tag>:<ciphertext>` (AES-256-GCM, see @wegweiser/api/crypto): the column refuses plain text. */
const CIPHERTEXT = `'^v1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]{22}==:[A-Za-z0-9+/]*={0,2}$'`;
const LANGUAGE_CODE = `'^[a-z]{2,3}$'`;
const COUNTRY_CODE = `'^[A-Z]{2}$'`;

const CHANGE_COLUMNS = `
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()`;

/**
 * Conversations (notes and agreements encrypted in the application: the
 * database holds ciphertext only, keys never), outcomes with soft ratings,
 * qualifications with work experience, and language skills. Every table is
 * under row-level security like the client and goes with its client.
 *
 * `keys:rotate` re-encrypts conversations as the owning role while the API
 * keeps serving: instead of lifting FORCE ROW LEVEL SECURITY (an ACCESS
 * EXCLUSIVE lock for the whole run) a policy admits the owning role itself,
 * as for the audit trail. The application role is not a member of it.
 */
export class AddConversationsOutcomesQualifications1764700000000 implements MigrationInterface {
  name = 'AddConversationsOutcomesQualifications1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE conversation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        staff_id uuid NOT NULL REFERENCES app_user (id),
        held_at timestamptz NOT NULL,
        duration_minutes smallint NOT NULL CHECK (duration_minutes BETWEEN 1 AND 600),
        form varchar(16) NOT NULL CHECK (form IN (${list(CONVERSATION_FORMS)})),
        interpreter varchar(16) NOT NULL DEFAULT 'none' CHECK (interpreter IN (${list(INTERPRETER_KINDS)})),
        language varchar(3) NOT NULL CHECK (language ~ ${LANGUAGE_CODE}),
        topics varchar(32)[] NOT NULL DEFAULT '{}' CHECK (topics <@ ARRAY[${list(FIELDS_OF_ACTION)}]::varchar[]),
        note_ciphertext text NOT NULL CHECK (note_ciphertext ~ ${CIPHERTEXT}),
        agreements_ciphertext text CHECK (agreements_ciphertext ~ ${CIPHERTEXT}),
        next_appointment_at timestamptz CHECK (next_appointment_at > held_at),${CHANGE_COLUMNS}
      )`);
    await queryRunner.query(`CREATE INDEX conversation_client_held_idx ON conversation (client_id, held_at DESC)`);
    await queryRunner.query(`CREATE INDEX conversation_staff_idx ON conversation (staff_id)`);

    await queryRunner.query(`
      CREATE TABLE outcome (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN (${list(OUTCOME_KINDS)})),
        -- b1: the day the level was reached; employment, apprenticeship, studies: the day it started.
        achieved_on date NOT NULL,
        ended_on date CHECK (ended_on >= achieved_on),
        level char(2) CHECK (level IN ('B1', 'B2', 'C1', 'C2')),
        certificate varchar(100),
        employment_kind varchar(16) CHECK (employment_kind IN (${list(EMPLOYMENT_KINDS)})),
        full_time boolean,
        matches_qualification boolean,
        description varchar(200),${CHANGE_COLUMNS},
        CONSTRAINT outcome_b1_details CHECK ((kind = 'b1') = (level IS NOT NULL) AND (kind = 'b1' OR certificate IS NULL) AND (kind <> 'b1' OR ended_on IS NULL)),
        CONSTRAINT outcome_employment_details CHECK (
          (kind = 'employment') = (employment_kind IS NOT NULL AND full_time IS NOT NULL AND matches_qualification IS NOT NULL)
          AND (kind = 'employment' OR (employment_kind IS NULL AND full_time IS NULL AND matches_qualification IS NULL)))
      )`);
    await queryRunner.query(`CREATE INDEX outcome_client_idx ON outcome (client_id, achieved_on)`);

    await queryRunner.query(`
      CREATE TABLE soft_rating (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        rated_by uuid REFERENCES app_user (id),
        rated_on date NOT NULL,
        health smallint NOT NULL CHECK (health BETWEEN 1 AND 5),
        social_environment smallint NOT NULL CHECK (social_environment BETWEEN 1 AND 5),
        employment_quality smallint CHECK (employment_quality BETWEEN 1 AND 5),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX soft_rating_client_idx ON soft_rating (client_id, rated_on)`);

    await queryRunner.query(`
      CREATE TABLE qualification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        client_id uuid NOT NULL UNIQUE REFERENCES client (id) ON DELETE CASCADE,
        school_years smallint CHECK (school_years BETWEEN 0 AND 25),
        school_country char(2) CHECK (school_country ~ ${COUNTRY_CODE}),
        school_certificate varchar(32) CHECK (school_certificate IN (${list(EDUCATION_CERTIFICATES)})),
        vocational_training varchar(200),
        university_degree varchar(200),
        recognition_state varchar(16) CHECK (recognition_state IN (${list(RECOGNITION_STATES)})),
        interests varchar(100)[] NOT NULL DEFAULT '{}' CHECK (cardinality(interests) <= 20),${CHANGE_COLUMNS}
      )`);

    await queryRunner.query(`
      CREATE TABLE work_experience (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        occupation varchar(200) NOT NULL CHECK (length(occupation) >= 1),
        years smallint NOT NULL CHECK (years BETWEEN 0 AND 60),
        country char(2) CHECK (country ~ ${COUNTRY_CODE}),${CHANGE_COLUMNS}
      )`);
    await queryRunner.query(`CREATE INDEX work_experience_client_idx ON work_experience (client_id)`);

    await queryRunner.query(`
      CREATE TABLE language_skill (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        language varchar(3) NOT NULL CHECK (language ~ ${LANGUAGE_CODE}),
        level char(2) NOT NULL CHECK (level IN (${list(CEFR_LEVELS)})),
        native boolean NOT NULL DEFAULT false,
        certificate varchar(100),
        exam varchar(100),
        certified_on date,${CHANGE_COLUMNS},
        CONSTRAINT language_skill_unique UNIQUE (client_id, language),
        CONSTRAINT language_skill_certificate_german CHECK (language = 'de' OR (certificate IS NULL AND exam IS NULL AND certified_on IS NULL))
      )`);

    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY ${table}_tenant ON ${table} USING (municipality_id = current_municipality_id()) WITH CHECK (municipality_id = current_municipality_id())`,
      );
    }
    const ownerOnly = `pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'conversation'::regclass), 'USAGE')`;
    await queryRunner.query(`CREATE POLICY conversation_owner_key_rotation ON conversation FOR SELECT USING (${ownerOnly})`);
    await queryRunner.query(`CREATE POLICY conversation_owner_key_rotation_update ON conversation FOR UPDATE USING (${ownerOnly}) WITH CHECK (${ownerOnly})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
