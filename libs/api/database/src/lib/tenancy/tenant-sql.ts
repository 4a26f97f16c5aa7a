/** Sets the tenant for the current transaction only (`set_config(..., true)` = SET LOCAL). */
export const SET_TENANT_SQL = `SELECT set_config('app.municipality_id', $1, true), set_config('app.user_id', $2, true)`;

/** Lets a login transaction reach exactly one account by e-mail (see migration AddAccountsAndRowLevelSecurity). */
export const SET_LOGIN_EMAIL_SQL = `SELECT set_config('app.login_email', $1, true)`;
