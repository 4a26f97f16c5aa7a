import { CreateOrganisationAndClients1764000000000 } from './1764000000000-CreateOrganisationAndClients';
import { AddAccountsAndRowLevelSecurity1764100000000 } from './1764100000000-AddAccountsAndRowLevelSecurity';
import { AddAuditTrail1764200000000 } from './1764200000000-AddAuditTrail';
import { AddTotpReplayGuard1764300000000 } from './1764300000000-AddTotpReplayGuard';
import { AddClientDetailsAndSupportState1764400000000 } from './1764400000000-AddClientDetailsAndSupportState';
import { AddSupportHistoryAndExtensions1764500000000 } from './1764500000000-AddSupportHistoryAndExtensions';
import { AddPlansConsentsPartners1764600000000 } from './1764600000000-AddPlansConsentsPartners';
import { AddConversationsOutcomesQualifications1764700000000 } from './1764700000000-AddConversationsOutcomesQualifications';
import { AddUserLocale1764800000000 } from './1764800000000-AddUserLocale';
import { AddClientLastContact1764900000000 } from './1764900000000-AddClientLastContact';
import { AddClientAssignmentHistory1765000000000 } from './1765000000000-AddClientAssignmentHistory';
import { AddPlanReview1765100000000 } from './1765100000000-AddPlanReview';
import { AddReminders1765200000000 } from './1765200000000-AddReminders';
import { AddEvaluationRecord1765400000000 } from './1765400000000-AddEvaluationRecord';
import { AddEvaluationReport1765500000000 } from './1765500000000-AddEvaluationReport';
import { AddRetentionAndErasure1765600000000 } from './1765600000000-AddRetentionAndErasure';
import { AddAuditCheckpoint1765700000000 } from './1765700000000-AddAuditCheckpoint';
import { AddRequestAccountFunction1765800000000 } from './1765800000000-AddRequestAccountFunction';
import { AddCoveringIndexesForTeamViews1765900000000 } from './1765900000000-AddCoveringIndexesForTeamViews';
import { AddClientSupportStartReason1766000000000 } from './1766000000000-AddClientSupportStartReason';
import { AddSupportNoteAndConsentFiling1766100000000 } from './1766100000000-AddSupportNoteAndConsentFiling';
import { AddOutcomeEffects1766200000000 } from './1766200000000-AddOutcomeEffects';
import { AddConversationRevisions1766300000000 } from './1766300000000-AddConversationRevisions';
import { AddCaseloadLimits1766500000000 } from './1766500000000-AddCaseloadLimits';
import { AddPartnerWorkingGroupsAndDetails1766600000000 } from './1766600000000-AddPartnerWorkingGroupsAndDetails';
import { AddAuditVerification1766700000000 } from './1766700000000-AddAuditVerification';
import { AddDecisionReminders1766800000000 } from './1766800000000-AddDecisionReminders';
import { AddRateLimitCounter1767000000000 } from './1767000000000-AddRateLimitCounter';
import { EncryptTotpSecretsAtRest1767100000000 } from './1767100000000-EncryptTotpSecretsAtRest';
import { AddOutcomeStartAndCompletion1767200000000 } from './1767200000000-AddOutcomeStartAndCompletion';
import { AddEvaluationRecordDefinitions1767300000000 } from './1767300000000-AddEvaluationRecordDefinitions';
import { AssignEvaluationRecordGender1767600000000 } from './1767600000000-AssignEvaluationRecordGender';
import { AddTeamDashboardCache1767700000000 } from './1767700000000-AddTeamDashboardCache';
import { AddTeamSearchIndex1767800000000 } from './1767800000000-AddTeamSearchIndex';
import { NotifyAuthChanges1767900000000 } from './1767900000000-NotifyAuthChanges';
import { AddEvaluationRow1768000000000 } from './1768000000000-AddEvaluationRow';
import { AddEvaluationRowGoalCounts1768100000000 } from './1768100000000-AddEvaluationRowGoalCounts';
import { AddOpenCaseIndex1768200000000 } from './1768200000000-AddOpenCaseIndex';
import { AddEvaluationReleaseLedger1767400000000 } from './1767400000000-AddEvaluationReleaseLedger';
import { AddEvaluationPolicy1767500000000 } from './1767500000000-AddEvaluationPolicy';

/** Every migration, in order. Bundled explicitly (no glob): the API ships as one webpack bundle. */
export const MIGRATIONS = [
  CreateOrganisationAndClients1764000000000,
  AddAccountsAndRowLevelSecurity1764100000000,
  AddAuditTrail1764200000000,
  AddTotpReplayGuard1764300000000,
  AddClientDetailsAndSupportState1764400000000,
  AddSupportHistoryAndExtensions1764500000000,
  AddPlansConsentsPartners1764600000000,
  AddConversationsOutcomesQualifications1764700000000,
  AddUserLocale1764800000000,
  AddClientLastContact1764900000000,
  AddClientAssignmentHistory1765000000000,
  AddPlanReview1765100000000,
  AddReminders1765200000000,
  AddEvaluationRecord1765400000000,
  AddEvaluationReport1765500000000,
  AddRetentionAndErasure1765600000000,
  AddAuditCheckpoint1765700000000,
  AddRequestAccountFunction1765800000000,
  AddCoveringIndexesForTeamViews1765900000000,
  AddClientSupportStartReason1766000000000,
  AddSupportNoteAndConsentFiling1766100000000,
  AddOutcomeEffects1766200000000,
  AddConversationRevisions1766300000000,
  AddCaseloadLimits1766500000000,
  AddPartnerWorkingGroupsAndDetails1766600000000,
  AddAuditVerification1766700000000,
  AddDecisionReminders1766800000000,
  AddRateLimitCounter1767000000000,
  EncryptTotpSecretsAtRest1767100000000,
  AddOutcomeStartAndCompletion1767200000000,
  AddEvaluationRecordDefinitions1767300000000,
  AddEvaluationReleaseLedger1767400000000,
  AddEvaluationPolicy1767500000000,
  AssignEvaluationRecordGender1767600000000,
  AddTeamDashboardCache1767700000000,
  AddTeamSearchIndex1767800000000,
  NotifyAuthChanges1767900000000,
  AddEvaluationRow1768000000000,
  AddEvaluationRowGoalCounts1768100000000,
  AddOpenCaseIndex1768200000000,
];

export const MIGRATIONS_TABLE = 'migrations';

/** Tables under row-level security, in dependency order (seeding, maintenance). */
export const TENANT_TABLES = ['municipality', 'team', 'app_user', 'client', 'case_number_counter', 'support_event', 'support_extension', 'client_assignment', 'partner', 'partner_offer', 'working_group', 'partner_working_group', 'consent', 'goal', 'goal_step', 'referral', 'plan_agreement', 'plan_review', 'conversation', 'conversation_revision', 'outcome', 'soft_rating', 'qualification', 'work_experience', 'language_skill', 'reminder', 'evaluation_record', 'evaluation_report', 'retention_policy', 'legal_hold', 'erasure_request', 'erasure_ledger', 'audit_verification', 'evaluation_policy_change', 'evaluation_release_figure', 'team_dashboard_cache', 'evaluation_row'];
