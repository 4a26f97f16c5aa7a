import { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

// Vocabularies as of this migration (shared/contracts may grow; a later migration widens the checks).
const PARTNER_KINDS = ['organisation', 'working_group'];
const PARTNER_TOPICS = ['work', 'housing', 'health', 'language', 'education', 'culture'];
const CONSENT_RECORDINGS = ['signed_paper', 'electronic', 'with_interpreter'];
const DATA_CATEGORIES = ['personal', 'residence', 'qualifications', 'language', 'health', 'family', 'plan', 'conversations'];
const FIELDS_OF_ACTION = ['language', 'work', 'apprenticeship', 'education', 'housing', 'health', 'social_participation', 'family', 'legal'];
const GOAL_STATES = ['open', 'in_progress', 'achieved', 'not_achieved', 'dropped'];
const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
const STEP_ASSIGNEES = ['client', 'manager', 'partner'];
const REFERRAL_STATES = ['proposed', 'sent', 'accepted', 'completed', 'declined', 'cancelled'];

/** New tables with municipality data, in dependency order. */
const TABLES = ['partner', 'partner_offer', 'consent', 'goal', 'goal_step', 'referral', 'plan_agreement'];

const AUDIT_COLUMNS = `
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()`;

/**
 * The partner directory (organisations and working groups with offers by
 * topic), consents, and the integration plan: goals with agreed steps,
 * referrals to partners' offers, and the agreed versions of the plan
 * (frozen snapshots). Composite foreign keys keep a child in its parent's
 * municipality (and a referral's partner consistent with its offer); every
 * table is under row-level security like the client.
 */
export class AddPlansConsentsPartners1764600000000 implements MigrationInterface {
  name = 'AddPlansConsentsPartners1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE partner (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind varchar(16) NOT NULL CHECK (kind IN (${list(PARTNER_KINDS)})),
        description text CHECK (length(description) <= 2000),
        email varchar(254),
        phone varchar(40),
        website varchar(300),
        address text CHECK (length(address) <= 300),
        active boolean NOT NULL DEFAULT true,${AUDIT_COLUMNS},
        CONSTRAINT partner_name_unique UNIQUE (municipality_id, name),
        CONSTRAINT partner_id_municipality_key UNIQUE (id, municipality_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE partner_offer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL,
        partner_id uuid NOT NULL,
        topic varchar(16) NOT NULL CHECK (topic IN (${list(PARTNER_TOPICS)})),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text CHECK (length(description) <= 2000),
        active boolean NOT NULL DEFAULT true,${AUDIT_COLUMNS},
        CONSTRAINT partner_offer_partner_fk FOREIGN KEY (partner_id, municipality_id) REFERENCES partner (id, municipality_id),
        CONSTRAINT partner_offer_title_unique UNIQUE (partner_id, title),
        CONSTRAINT partner_offer_identity_key UNIQUE (id, partner_id, municipality_id)
      )`);
    await queryRunner.query(`CREATE INDEX partner_offer_topic_idx ON partner_offer (municipality_id, topic)`);

    await queryRunner.query(`
      CREATE TABLE consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
        recipient_kind varchar(16) NOT NULL CHECK (recipient_kind IN ('partner', 'evaluation')),
        partner_id uuid,
        data_categories varchar(16)[] NOT NULL
          CHECK (cardinality(data_categories) > 0 AND data_categories <@ ARRAY[${list(DATA_CATEGORIES)}]::varchar[]),
        given_on date NOT NULL,
        valid_until date,
        withdrawn_on date,
        recorded_as varchar(20) NOT NULL CHECK (recorded_as IN (${list(CONSENT_RECORDINGS)})),${AUDIT_COLUMNS},
        CONSTRAINT consent_partner_fk FOREIGN KEY (partner_id, municipality_id) REFERENCES partner (id, municipality_id),
        CONSTRAINT consent_recipient CHECK ((recipient_kind = 'partner') = (partner_id IS NOT NULL)),
        CONSTRAINT consent_dates CHECK ((valid_until IS NULL OR valid_until >= given_on) AND (withdrawn_on IS NULL OR withdrawn_on >= given_on))
      )`);
    await queryRunner.query(`CREATE INDEX consent_client_partner_idx ON consent (client_id, partner_id)`);

    await queryRunner.query(`
      CREATE TABLE goal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        field_of_action varchar(32) NOT NULL CHECK (field_of_action IN (${list(FIELDS_OF_ACTION)})),
        target text NOT NULL CHECK (length(target) BETWEEN 1 AND 500),
        target_level varchar(2) CHECK (target_level IN (${list(CEFR_LEVELS)})),
        due_on date NOT NULL,
        state varchar(16) NOT NULL DEFAULT 'open' CHECK (state IN (${list(GOAL_STATES)})),
        state_changed_on date NOT NULL,${AUDIT_COLUMNS},
        CONSTRAINT goal_language_level CHECK ((field_of_action = 'language') = (target_level IS NOT NULL)),
        CONSTRAINT goal_id_client_key UNIQUE (id, client_id)
      )`);
    await queryRunner.query(`CREATE INDEX goal_client_idx ON goal (client_id)`);
    // Team leads look for overdue goals across the team.
    await queryRunner.query(`CREATE INDEX goal_open_due_idx ON goal (municipality_id, due_on) WHERE state IN ('open', 'in_progress')`);

    await queryRunner.query(`
      CREATE TABLE goal_step (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        goal_id uuid NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
        assignee varchar(16) NOT NULL CHECK (assignee IN (${list(STEP_ASSIGNEES)})),
        due_on date,
        done_on date,${AUDIT_COLUMNS}
      )`);
    await queryRunner.query(`CREATE INDEX goal_step_goal_idx ON goal_step (goal_id)`);

    await queryRunner.query(`
      CREATE TABLE referral (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        goal_id uuid,
        partner_offer_id uuid NOT NULL,
        partner_id uuid NOT NULL,
        state varchar(16) NOT NULL CHECK (state IN (${list(REFERRAL_STATES)})),
        sent_on date,
        state_changed_on date NOT NULL,${AUDIT_COLUMNS},
        CONSTRAINT referral_goal_fk FOREIGN KEY (goal_id, client_id) REFERENCES goal (id, client_id) ON DELETE SET NULL (goal_id),
        CONSTRAINT referral_offer_fk FOREIGN KEY (partner_offer_id, partner_id, municipality_id)
          REFERENCES partner_offer (id, partner_id, municipality_id),
        CONSTRAINT referral_sent CHECK ((state = 'proposed') = (sent_on IS NULL) OR state = 'cancelled')
      )`);
    await queryRunner.query(`CREATE INDEX referral_client_idx ON referral (client_id)`);
    await queryRunner.query(`CREATE INDEX referral_offer_idx ON referral (partner_offer_id)`);

    // Agreed versions are never changed (the application role may only insert and read them, see app-role.ts).
    await queryRunner.query(`
      CREATE TABLE plan_agreement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        municipality_id uuid NOT NULL REFERENCES municipality (id),
        client_id uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        agreed_on date NOT NULL,
        agreed_by uuid NOT NULL REFERENCES app_user (id),
        snapshot jsonb NOT NULL CHECK (jsonb_typeof(snapshot -> 'goals') = 'array' AND jsonb_typeof(snapshot -> 'referrals') = 'array'),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT plan_agreement_client_version_key UNIQUE (client_id, version)
      )`);

    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(
        `CREATE POLICY ${table}_tenant ON ${table} USING (municipality_id = current_municipality_id()) WITH CHECK (municipality_id = current_municipality_id())`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
