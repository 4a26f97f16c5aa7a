/**
 * Every dated event of one client, newest first, as one UNION ALL query over
 * the case-file tables (row-level security confines it to the municipality;
 * the caller has checked the team). `details` carries codes only (and staff
 * names: `by` of conversations, their corrections and the audited changes, the
 * managers of `reassigned`; never a client's free text).
 */
export const TIMELINE_SQL = `
  SELECT * FROM (
    SELECT 'conversation' AS kind, v.held_at AS at, v.id AS entity_id,
           jsonb_build_object('form', v.form, 'durationMinutes', v.duration_minutes, 'interpreter', v.interpreter, 'topics', to_jsonb(v.topics),
                              'by', concat_ws(' ', s.first_name, s.last_name)) AS details
      FROM conversation v LEFT JOIN app_user s ON s.id = v.staff_id WHERE v.client_id = $1
    UNION ALL
    SELECT 'conversation_corrected', r.replaced_at, r.conversation_id,
           jsonb_build_object('version', r.version, 'by', concat_ws(' ', u.first_name, u.last_name))
      FROM conversation_revision r LEFT JOIN app_user u ON u.id = r.replaced_by WHERE r.client_id = $1
    UNION ALL
    SELECT 'goal_created', created_at, id, jsonb_build_object('fieldOfAction', field_of_action, 'targetLevel', target_level)
      FROM goal WHERE client_id = $1
    UNION ALL
    SELECT 'goal_state_changed', state_changed_on::timestamptz, id, jsonb_build_object('fieldOfAction', field_of_action, 'state', state)
      FROM goal WHERE client_id = $1 AND state <> 'open'
    UNION ALL
    SELECT 'plan_agreed', agreed_on::timestamptz, id, jsonb_build_object('version', version)
      FROM plan_agreement WHERE client_id = $1
    UNION ALL
    SELECT 'referral', state_changed_on::timestamptz, id, jsonb_build_object('state', state, 'partnerId', partner_id)
      FROM referral WHERE client_id = $1
    UNION ALL
    SELECT 'outcome', achieved_on::timestamptz, id, jsonb_build_object('kind', kind, 'level', level, 'employmentKind', employment_kind)
      FROM outcome WHERE client_id = $1
    UNION ALL
    -- Changes of the file's data (personal data, qualifications, work experience, languages) and undone outcomes:
    -- the audit trail has who and when of each; 'by' is the staff member's name.
    SELECT CASE a.entity_type
             WHEN 'client' THEN 'personal_data_changed'
             WHEN 'qualification' THEN 'qualifications_changed'
             WHEN 'work_experience' THEN 'work_experience_' || CASE a.action WHEN 'create' THEN 'added' WHEN 'update' THEN 'changed' ELSE 'removed' END
             WHEN 'language_skill' THEN 'language_changed'
             ELSE 'outcome_undone' END,
           a.occurred_at, a.entity_id::uuid,
           jsonb_build_object('by', NULLIF(concat_ws(' ', u.first_name, u.last_name), ''), 'language', l.language)
      FROM audit_event a
      LEFT JOIN app_user u ON u.id = a.user_id
      LEFT JOIN language_skill l ON a.entity_type = 'language_skill' AND l.id::text = a.entity_id
     WHERE a.client_id = $1 AND a.outcome = 'success'
       AND ((a.entity_type = 'client' AND a.action = 'update')
         OR (a.entity_type IN ('qualification', 'work_experience', 'language_skill') AND a.action IN ('create', 'update', 'delete'))
         OR (a.entity_type = 'outcome' AND a.action = 'delete'))
    UNION ALL
    SELECT 'rating', rated_on::timestamptz, id,
           jsonb_build_object('health', health, 'socialEnvironment', social_environment, 'employmentQuality', employment_quality)
      FROM soft_rating WHERE client_id = $1
    UNION ALL
    SELECT 'consent_given', given_on::timestamptz, id, jsonb_build_object('recipientKind', recipient_kind, 'partnerId', partner_id)
      FROM consent WHERE client_id = $1
    UNION ALL
    SELECT 'consent_withdrawn', withdrawn_on::timestamptz, id, jsonb_build_object('recipientKind', recipient_kind, 'partnerId', partner_id)
      FROM consent WHERE client_id = $1 AND withdrawn_on IS NOT NULL
    UNION ALL
    SELECT 'support_state_changed', on_date::timestamptz, id, jsonb_build_object('from', from_state, 'to', to_state, 'reason', reason)
      FROM support_event WHERE client_id = $1
    UNION ALL
    SELECT 'extension_requested', requested_at, id, jsonb_build_object('requestedUntil', requested_until::text)
      FROM support_extension WHERE client_id = $1
    UNION ALL
    SELECT 'extension_decided', decided_on::timestamptz, id, jsonb_build_object('state', state)
      FROM support_extension WHERE client_id = $1 AND decided_on IS NOT NULL
    UNION ALL
    SELECT 'plan_submitted', submitted_at, id, jsonb_build_object('version', agreement_version)
      FROM plan_review WHERE client_id = $1
    UNION ALL
    SELECT 'plan_' || state, decided_at, id, jsonb_build_object('version', agreement_version)
      FROM plan_review WHERE client_id = $1 AND decided_at IS NOT NULL
    UNION ALL
    SELECT 'reassigned', a.assigned_at, a.id,
           jsonb_build_object('fromManager', NULLIF(concat_ws(' ', f.first_name, f.last_name), ''), 'toManager', concat_ws(' ', t.first_name, t.last_name))
      FROM client_assignment a LEFT JOIN app_user f ON f.id = a.from_manager_id JOIN app_user t ON t.id = a.to_manager_id
     WHERE a.client_id = $1
  ) events
  ORDER BY at DESC, kind, entity_id
  LIMIT $2`;

export interface TimelineRow {
  kind: string;
  at: Date;
  entity_id: string;
  details: Record<string, string | number | boolean | string[] | null>;
}
