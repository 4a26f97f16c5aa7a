/** Sets the tenant for the current transaction only (`set_config(..., true)` = SET LOCAL). */
export const SET_TENANT_SQL = `SELECT set_config('app.municipality_id', $1, true), set_config('app.user_id', $2, true)`;

/** Lets a login transaction reach exactly one account by e-mail (see migration AddAccountsAndRowLevelSecurity). */
export const SET_LOGIN_EMAIL_SQL = `SELECT set_config('app.login_email', $1, true)`;

/**
 * The tenant settings and one call in a single statement (one round trip, an
 * implicit transaction of its own): `ONE_STATEMENT_TENANT` sets
 * app.municipality_id ($1) and app.user_id ($2) for this statement only, and
 * the call in the select list — a VOLATILE function, evaluated while the
 * result row is built from `tenant` — runs under them. Only for a select list
 * of function calls: a table read in a FROM clause beside `tenant` could be
 * scanned before it.
 */
export const ONE_STATEMENT_TENANT = `WITH tenant AS MATERIALIZED (SELECT set_config('app.municipality_id', $1, true) AS m, set_config('app.user_id', $2, true) AS u)`;

/** The signed-in account ($3), if still active, under the tenant of $1/$2: `{ account: RequestUser | null }`. */
export const REQUEST_ACCOUNT_SQL = `${ONE_STATEMENT_TENANT} SELECT request_account($3::uuid) AS account FROM tenant`;
