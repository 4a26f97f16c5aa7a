/**
 * Every table that holds data of one client ($1), read in the request's
 * tenant transaction (row-level security confines it to the municipality;
 * the caller has checked the team). Dates come as text (`YYYY-MM-DD`, no time
 * zone involved), points in time as timestamptz, people as display names.
 */
const person = (alias: string) => `NULLIF(concat_ws(' ', ${alias}.first_name, ${alias}.last_name), '')`;

export const SUBJECT_ACCESS_SQL = {
  client: `
    SELECT mu.name AS municipality, c.case_number AS "caseNumber", c.first_name AS "firstName", c.last_name AS "lastName",
           c.first_name_original AS "firstNameOriginal", c.last_name_original AS "lastNameOriginal",
           c.date_of_birth::text AS "dateOfBirth", c.gender, c.country_of_origin AS "countryOfOrigin",
           to_jsonb(c.nationalities) AS nationalities, to_jsonb(c.languages_spoken) AS "languagesSpoken",
           c.residence_status AS "residenceStatus", c.residence_valid_until::text AS "residenceValidUntil",
           c.arrival_date::text AS "arrivalDate", c.housing, c.household_members AS "householdMembers",
           c.phone, c.email, c.address, t.name AS team, ${person('m')} AS "responsibleManager",
           c.support_start::text AS "supportStart", c.support_window_end::text AS "supportWindowEnd",
           c.support_state AS "supportState", c.paused_on::text AS "pausedOn", c.closed_on::text AS "closedOn",
           c.closure_reason AS "closureReason", c.last_contact_on::text AS "lastContactOn",
           c.created_at AS "createdAt", c.updated_at AS "updatedAt"
      FROM client c
      JOIN team t ON t.id = c.team_id
      JOIN municipality mu ON mu.id = c.municipality_id
      LEFT JOIN app_user m ON m.id = c.responsible_manager_id
     WHERE c.id = $1`,
  supportEvents: `
    SELECT e.on_date::text AS "onDate", e.from_state AS "fromState", e.to_state AS "toState", e.reason, e.note, ${person('u')} AS by,
           e.recorded_at AS "recordedAt"
      FROM support_event e LEFT JOIN app_user u ON u.id = e.by_user_id
     WHERE e.client_id = $1 ORDER BY e.recorded_at, e.id`,
  extensions: `
    SELECT x.requested_until::text AS "requestedUntil", x.justification, x.state, ${person('r')} AS "requestedBy",
           x.requested_at AS "requestedAt", ${person('d')} AS "decidedBy", x.decided_on::text AS "decidedOn", x.comment
      FROM support_extension x LEFT JOIN app_user r ON r.id = x.requested_by LEFT JOIN app_user d ON d.id = x.decided_by
     WHERE x.client_id = $1 ORDER BY x.requested_at, x.id`,
  assignments: `
    SELECT a.assigned_at AS "assignedAt", ${person('f')} AS "fromManager", ${person('t')} AS "toManager", a.reason,
           ${person('b')} AS "assignedBy"
      FROM client_assignment a
      LEFT JOIN app_user f ON f.id = a.from_manager_id
      LEFT JOIN app_user t ON t.id = a.to_manager_id
      LEFT JOIN app_user b ON b.id = a.assigned_by
     WHERE a.client_id = $1 ORDER BY a.assigned_at, a.id`,
  languages: `
    SELECT language, level, native, certificate, exam, certified_on::text AS "certifiedOn"
      FROM language_skill WHERE client_id = $1 ORDER BY language`,
  qualification: `
    SELECT school_years AS "schoolYears", school_country AS "schoolCountry", school_certificate AS "schoolCertificate",
           vocational_training AS "vocationalTraining", university_degree AS "universityDegree",
           recognition_state AS "recognitionState", to_jsonb(interests) AS interests
      FROM qualification WHERE client_id = $1`,
  workExperience: `
    SELECT occupation, years, country FROM work_experience WHERE client_id = $1 ORDER BY created_at, id`,
  goals: `
    SELECT g.id, g.field_of_action AS "fieldOfAction", g.target, g.target_level AS "targetLevel", g.due_on::text AS "dueOn",
           g.state, g.state_changed_on::text AS "stateChangedOn", g.created_at AS "createdAt"
      FROM goal g WHERE g.client_id = $1 ORDER BY g.created_at, g.id`,
  steps: `
    SELECT s.goal_id AS "goalId", s.description, s.assignee, s.due_on::text AS "dueOn", s.done_on::text AS "doneOn"
      FROM goal_step s JOIN goal g ON g.id = s.goal_id
     WHERE g.client_id = $1 ORDER BY s.created_at, s.id`,
  agreements: `
    SELECT a.version, a.agreed_on::text AS "agreedOn", ${person('u')} AS "agreedBy"
      FROM plan_agreement a LEFT JOIN app_user u ON u.id = a.agreed_by
     WHERE a.client_id = $1 ORDER BY a.version`,
  reviews: `
    SELECT r.agreement_version AS "agreementVersion", r.state, r.comment, ${person('s')} AS "submittedBy",
           r.submitted_at AS "submittedAt", ${person('d')} AS "decidedBy", r.decided_at AS "decidedAt"
      FROM plan_review r LEFT JOIN app_user s ON s.id = r.submitted_by LEFT JOIN app_user d ON d.id = r.decided_by
     WHERE r.client_id = $1 ORDER BY r.submitted_at, r.id`,
  referrals: `
    SELECT p.name AS partner, o.title AS offer, o.topic, g.target AS goal, r.state, r.sent_on::text AS "sentOn",
           r.state_changed_on::text AS "stateChangedOn"
      FROM referral r
      JOIN partner p ON p.id = r.partner_id
      JOIN partner_offer o ON o.id = r.partner_offer_id
      LEFT JOIN goal g ON g.id = r.goal_id
     WHERE r.client_id = $1 ORDER BY r.created_at, r.id`,
  consents: `
    SELECT c.purpose, c.recipient_kind AS "recipientKind", p.name AS partner, to_jsonb(c.data_categories) AS "dataCategories",
           c.given_on::text AS "givenOn", c.valid_until::text AS "validUntil", c.withdrawn_on::text AS "withdrawnOn",
           c.recorded_as AS "recordedAs", c.filed_at AS "filedAt"
      FROM consent c LEFT JOIN partner p ON p.id = c.partner_id
     WHERE c.client_id = $1 ORDER BY c.given_on, c.created_at, c.id`,
  conversations: `
    SELECT c.id, c.held_at AS "heldAt", c.duration_minutes AS "durationMinutes", c.form, c.interpreter, c.language,
           to_jsonb(c.topics) AS topics, ${person('u')} AS staff, c.note_ciphertext AS "noteCiphertext",
           c.agreements_ciphertext AS "agreementsCiphertext", c.next_appointment_at AS "nextAppointmentAt"
      FROM conversation c LEFT JOIN app_user u ON u.id = c.staff_id
     WHERE c.client_id = $1 ORDER BY c.held_at, c.created_at, c.id`,
  /** Earlier versions of corrected conversations (notes still encrypted, bound to the revision's id), oldest first. */
  conversationRevisions: `
    SELECT r.id, r.conversation_id AS "conversationId", r.version, r.replaced_at AS "replacedAt", ${person('u')} AS "replacedBy",
           r.held_at AS "heldAt", r.duration_minutes AS "durationMinutes", r.form, r.interpreter, r.language, to_jsonb(r.topics) AS topics,
           r.note_ciphertext AS "noteCiphertext", r.agreements_ciphertext AS "agreementsCiphertext", r.next_appointment_at AS "nextAppointmentAt"
      FROM conversation_revision r LEFT JOIN app_user u ON u.id = r.replaced_by
     WHERE r.client_id = $1 ORDER BY r.conversation_id, r.version`,
  outcomes: `
    SELECT kind, achieved_on::text AS "achievedOn", ended_on::text AS "endedOn", level, certificate,
           employment_kind AS "employmentKind", full_time AS "fullTime", matches_qualification AS "matchesQualification", description
      FROM outcome WHERE client_id = $1 ORDER BY achieved_on, created_at, id`,
  ratings: `
    SELECT r.rated_on::text AS "ratedOn", r.health, r.social_environment AS "socialEnvironment",
           r.employment_quality AS "employmentQuality", ${person('u')} AS "ratedBy"
      FROM soft_rating r LEFT JOIN app_user u ON u.id = r.rated_by
     WHERE r.client_id = $1 ORDER BY r.rated_on, r.created_at, r.id`,
  reminders: `
    SELECT r.kind, r.due_on::text AS "dueOn", r.appointment_at AS "appointmentAt", r.weeks, ${person('u')} AS recipient,
           r.created_at AS "createdAt", r.read_at AS "readAt"
      FROM reminder r LEFT JOIN app_user u ON u.id = r.recipient_id
     WHERE r.client_id = $1 ORDER BY r.created_at, r.id`,
  /** The audit trail about the client, oldest first (ids ascend along the municipality's chain). */
  accessLog: `
    SELECT e.occurred_at AS at, ${person('u')} AS "user", e.role, e.action, e.entity_type AS "entityType", e.outcome
      FROM audit_event e LEFT JOIN app_user u ON u.id = e.user_id
     WHERE e.client_id = $1 ORDER BY e.id`,
} as const;

export type SubjectAccessQuery = keyof typeof SUBJECT_ACCESS_SQL;
