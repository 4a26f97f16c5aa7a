import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * The erasure ledger's copy OUTSIDE the database (JSON lines, ids and dates
 * and the reason code only, no personal data): it survives when the database is lost and a backup
 * older than some erasures is restored, so `erasures:replay` can erase those
 * clients again. Keep it with the backups' storage (see docs/operations.md).
 */
export interface ErasureLedgerEntry {
  clientId: string;
  municipalityId: string;
  /** ISO timestamp of the erasure. */
  erasedAt: string;
  /** The ledger's reason code (`retention`, `request`), never free text. */
  reason: string;
}

export const DEFAULT_ERASURE_LEDGER_FILE = 'var/erasure-ledger.jsonl';
const REASON = /^[a-z_]{1,16}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class ErasureLedgerFileError extends Error {}

export function erasureLedgerFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['ERASURE_LEDGER_FILE'] || DEFAULT_ERASURE_LEDGER_FILE);
}

/** Appends one line (only the three fields, whatever else the caller holds). Call after the erasure committed. */
export async function appendErasureLedgerFile(path: string, entry: ErasureLedgerEntry): Promise<void> {
  const line = toLine(entry, 'entry');
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await appendFile(path, `${JSON.stringify(line)}\n`, { mode: 0o600, flush: true });
}

/** All entries; a missing file is an empty ledger. A malformed line stops with its line number (never its content). */
export async function readErasureLedgerFile(path: string): Promise<ErasureLedgerEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries: ErasureLedgerEntry[] = [];
  text.split('\n').forEach((raw, index) => {
    if (!raw.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new ErasureLedgerFileError(`${path}, line ${index + 1}: not JSON.`);
    }
    entries.push(toLine(parsed, `${path}, line ${index + 1}`));
  });
  return entries;
}

function toLine(value: unknown, where: string): ErasureLedgerEntry {
  const v = (value ?? {}) as Record<string, unknown>;
  const { clientId, municipalityId, erasedAt, reason } = v;
  if (typeof clientId !== 'string' || !UUID.test(clientId)) throw new ErasureLedgerFileError(`${where}: clientId must be a UUID.`);
  if (typeof municipalityId !== 'string' || !UUID.test(municipalityId)) throw new ErasureLedgerFileError(`${where}: municipalityId must be a UUID.`);
  if (typeof erasedAt !== 'string' || Number.isNaN(Date.parse(erasedAt))) throw new ErasureLedgerFileError(`${where}: erasedAt must be a timestamp.`);
  if (typeof reason !== 'string' || !REASON.test(reason)) throw new ErasureLedgerFileError(`${where}: reason must be a reason code.`);
  return { clientId: clientId.toLowerCase(), municipalityId: municipalityId.toLowerCase(), erasedAt: new Date(erasedAt).toISOString(), reason };
}
