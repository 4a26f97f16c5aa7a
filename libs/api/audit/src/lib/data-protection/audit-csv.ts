import { AuditAction, AuditOutcome, AuditTableRow, Role } from '@wegweiser/shared/contracts';

const ROLE: Record<Role, string> = {
  manager: 'Integrationsmanager:in',
  team_lead: 'Sachgebietsleitung',
  admin: 'Administration',
  evaluator: 'Evaluation',
  dpo: 'Datenschutz',
};
const ACTION: Record<AuditAction, string> = {
  read: 'Lesen',
  create: 'Anlegen',
  update: 'Ändern',
  delete: 'Löschen',
  export: 'Export',
  login: 'Anmeldung',
  login_failed: 'Anmeldung fehlgeschlagen',
  locked: 'Konto gesperrt',
  logout: 'Abmeldung',
  denied: 'Zugriff verweigert',
};
const OUTCOME: Record<AuditOutcome, string> = { success: 'erfolgreich', failure: 'fehlgeschlagen', denied: 'verweigert' };

/** Column headings of the CSV export (German, like the screen). */
export const AUDIT_CSV_HEADER = ['Zeitpunkt (UTC)', 'Person', 'Rolle', 'Aktion', 'Ergebnis', 'Objekt', 'Aktenzeichen'];

/**
 * One CSV field: quoted when it holds a separator, quote or line break; a
 * leading `=`, `+`, `-`, `@`, tab or carriage return is defused with an
 * apostrophe so that a spreadsheet never runs it as a formula.
 */
export function csvField(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The filtered audit table as CSV for a German spreadsheet: `;` as
 * separator, CRLF line ends, a byte-order mark so that umlauts open right.
 * Role, action and outcome in German words; the object is the API's entity type.
 */
export function auditTableCsv(rows: readonly AuditTableRow[]): string {
  const lines = [AUDIT_CSV_HEADER.join(';')];
  for (const row of rows) {
    lines.push([
      row.occurredAt,
      row.personName,
      row.role ? (ROLE[row.role as Role] ?? row.role) : null,
      ACTION[row.action],
      OUTCOME[row.outcome],
      row.entityType,
      row.caseNumber,
    ].map(csvField).join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
