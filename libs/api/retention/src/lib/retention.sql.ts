import { RETENTION_DEFAULTS } from '@wegweiser/shared/contracts';

/**
 * The day a client's support ended: the earlier of closure and the support
 * window's end (LEAST ignores a missing closure). Their personal data is due
 * for erasure once `today` is past this day plus the municipality's period.
 */
const DUE_CONDITION = `(LEAST(c.closed_on, c.support_window_end) + make_interval(months => COALESCE(p.erase_after_months, ${RETENTION_DEFAULTS.eraseAfterMonths})))::date < $1::date`;

const FROM_CLIENTS = `FROM client c
  LEFT JOIN retention_policy p ON p.municipality_id = c.municipality_id
  LEFT JOIN legal_hold h ON h.client_id = c.id`;

/** Every client of the tenant past the period ($1 = today), with whether a legal hold keeps them. */
export const DUE_CLIENTS_SQL = `SELECT c.id, c.case_number, (h.client_id IS NOT NULL) AS held
  ${FROM_CLIENTS}
  WHERE ${DUE_CONDITION}
  ORDER BY c.case_number`;

/**
 * One client ($2) if it is still due and not on hold, locked for its
 * erasure. Another instance erasing it meanwhile makes this wait, then find
 * nothing: the run is safe with several instances and idempotent.
 */
export const LOCK_DUE_CLIENT_SQL = `SELECT c.id, c.municipality_id
  ${FROM_CLIENTS}
  WHERE c.id = $2 AND h.client_id IS NULL AND ${DUE_CONDITION}
  FOR UPDATE OF c`;

/** One client ($1), locked, with whether a legal hold keeps them (erasure on request). */
export const LOCK_CLIENT_SQL = `SELECT c.id, c.municipality_id, (h.client_id IS NOT NULL) AS held
  FROM client c LEFT JOIN legal_hold h ON h.client_id = c.id
  WHERE c.id = $1
  FOR UPDATE OF c`;

/** The client and (cascade) every row about them: case file, history, plans, consents, search data, legal hold. */
export const DELETE_CLIENT_SQL = `DELETE FROM client WHERE id = $1`;

export const INSERT_LEDGER_SQL = `INSERT INTO erasure_ledger (client_id, municipality_id, erased_on, reason) VALUES ($1, $2, $3, $4)`;
