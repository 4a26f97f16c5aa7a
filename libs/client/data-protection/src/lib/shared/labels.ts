/** Entity types the trail records that have a German name in the scope's texts (`entityTypes.<type>`); others show as they are. */
export const NAMED_ENTITY_TYPES: ReadonlySet<string> = new Set([
  'client',
  'client_file',
  'client_read',
  'client_update',
  'client_delete',
  'client_list',
  'client_timeline',
  'client_support',
  'client_assignment',
  'client_reassign',
  'conversation',
  'conversation_list',
  'conversation_revisions',
  'consent',
  'consent_list',
  'goal',
  'goal_step',
  'plan',
  'plan_document',
  'plan_agreement',
  'plan_review',
  'referral',
  'outcome',
  'qualification',
  'work_experience',
  'language_skill',
  'subject_access',
  'erasure_request',
  'legal_hold',
  'user',
  'user_password',
  'user_totp',
  'team',
  'partner',
  'route',
  'audit_event',
  'audit_verification',
  'evaluation_report',
  'retention_policy',
]);

/** The text key of an entity type: its German name, or `entityTypes.other` (with `{ type }`) for the rest. */
export function entityTypeKey(type: string | null): string {
  if (type === null) return 'entityTypes.none';
  return NAMED_ENTITY_TYPES.has(type) ? `entityTypes.${type}` : 'entityTypes.other';
}
