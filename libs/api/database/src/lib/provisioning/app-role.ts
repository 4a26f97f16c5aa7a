/** Where the application connects, derived from the owner URL unless given explicitly. */
export interface AppRoleSettings {
  ownerUrl: string;
  /** Explicit application URL (role managed outside Wegweiser). */
  appUrl?: string;
  role: string;
  password?: string;
}

export interface ResolvedAppRole {
  url: string;
  role: string;
  /** Whether provisioning creates the role and sets its password. */
  managed: boolean;
  password?: string;
}

export function resolveAppRole(settings: AppRoleSettings): ResolvedAppRole {
  if (settings.appUrl) {
    const role = decodeURIComponent(new URL(settings.appUrl).username);
    return { url: settings.appUrl, role, managed: false };
  }
  if (!settings.password) throw new Error('DATABASE_APP_PASSWORD is required to create the application role.');
  const url = new URL(settings.ownerUrl);
  url.username = encodeURIComponent(settings.role);
  url.password = encodeURIComponent(settings.password);
  return { url: url.toString(), role: settings.role, managed: true, password: settings.password };
}

/** Tables whose grants differ from the default read/write set. */
export const RESTRICTED_TABLE_GRANTS: Record<string, string[]> = {
  migrations: ['SELECT'],
  /** Append-only: rows are added (append_audit_event) and read, never changed or removed. */
  audit_event: ['SELECT', 'INSERT'],
  /** Where a chain was cut by audit retention: written by the owner's retention job only. */
  audit_checkpoint: ['SELECT'],
  /** The history of a support period: appended, never rewritten (removed only with its client, by cascade). */
  support_event: ['SELECT', 'INSERT'],
  /** Who was responsible for a client when: appended on each reassignment, never rewritten (removed only with its client). */
  client_assignment: ['SELECT', 'INSERT'],
  /** Agreed versions of integration plans stay as they were agreed (client deletion cascades as the owner). */
  plan_agreement: ['SELECT', 'INSERT'],
  /** Earlier versions of corrected conversations: appended by a correction, never rewritten (keys:rotate runs as the owner). */
  conversation_revision: ['SELECT', 'INSERT'],
  /** Reminders are created by the generator and only marked read (`read_at`) afterwards. */
  reminder: ['SELECT', 'INSERT', 'UPDATE (read_at)'],
  /** Anonymous outcome records of erased clients: written once at erasure, then only read (past figures stay as published). */
  evaluation_record: ['SELECT', 'INSERT'],
  /** Report jobs: created, then progress, state and files updated; deleted only by the retention job (as the owner). */
  evaluation_report: ['SELECT', 'INSERT', 'UPDATE'],
  /** Changes of the disclosure threshold k (old, new, who, when): appended, never rewritten. */
  evaluation_policy_change: ['SELECT', 'INSERT'],
  /** Published evaluation figures (the release ledger): appended; a suppressed figure may get its value once published. */
  evaluation_release_figure: ['SELECT', 'INSERT', 'UPDATE (value)'],
  /** Erased clients (former id, day, reason): appended by the erasure, never changed or removed (replayed after a restore). */
  erasure_ledger: ['SELECT', 'INSERT'],
  /** Art. 17 requests: created, then confirmed; kept as the record of the erasure. */
  erasure_request: ['SELECT', 'INSERT', 'UPDATE'],
  /** Runs of the audit chain verification: created, then progress and result updated; never deleted. */
  audit_verification: ['SELECT', 'INSERT', 'UPDATE'],
  /** Shared rate-limit counters: counted (never re-keyed); row-level security lets only spent rows be deleted. */
  rate_limit_counter: ['SELECT', 'INSERT', 'UPDATE (hits, window_ends_at, blocked_until)', 'DELETE'],
};
