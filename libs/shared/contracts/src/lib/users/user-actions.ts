/**
 * Actions on one account, `POST /api/users/:id/<action>` (no body). Each
 * answers with the changed account (`UserResponse`), except `resetPassword`
 * (`ResetPasswordResponse`: the new one-time password, shown once). An
 * administrator cannot apply them to their own account (409
 * `cannotChangeOwnAccount`).
 */
export const USER_ACTIONS = {
  /** A new one-time password; lifts a lockout and ends the account's sessions. */
  resetPassword: 'reset-password',
  /** Lifts a lockout after too many wrong passwords (failed attempts back to 0). */
  unlock: 'unlock',
  /**
   * Turns the second factor off (secret and recovery codes deleted) and ends
   * the account's sessions. Roles that require it (admin, dpo) set it up again
   * at their next sign-in.
   */
  resetSecondFactor: 'reset-second-factor',
} as const;
export type UserAction = (typeof USER_ACTIONS)[keyof typeof USER_ACTIONS];

/** `entityType` of the audit rows that account administration writes (`entityId`: the account). */
export const USER_AUDIT_ENTITY_TYPES = {
  /** Created (`create`), changed (`update`), deactivated (`delete`). */
  account: 'user',
  password: 'user_password',
  lock: 'user_lock',
  secondFactor: 'user_totp',
} as const;
