import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendErasureLedgerFile, erasureLedgerFilePath, ErasureLedgerFileError, readErasureLedgerFile } from './erasure-ledger-file';

const A = { clientId: '0b7c1f1e-2a3b-4c5d-8e9f-000000000001', municipalityId: '0b7c1f1e-2a3b-4c5d-8e9f-0000000000aa', erasedAt: '2026-11-20T10:00:00.000Z', reason: 'request' };
const B = { ...A, clientId: '0B7C1F1E-2A3B-4C5D-8E9F-000000000002' };

describe('erasure ledger file', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'ww-ledger-spec-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('appends ids and dates only, owner-readable, and reads them back (a missing file is empty)', async () => {
    const path = join(dir, 'sub/ledger.jsonl');
    expect(await readErasureLedgerFile(path)).toEqual([]);
    await appendErasureLedgerFile(path, { ...A, note: 'Antrag von Frau Beispiel' } as typeof A);
    await appendErasureLedgerFile(path, B);
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain('Beispiel');
    expect(text.trim().split('\n')).toHaveLength(2);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readErasureLedgerFile(path)).toEqual([A, { ...B, clientId: B.clientId.toLowerCase() }]);
  });

  it('names the line of a malformed entry, never its content', async () => {
    const path = join(dir, 'ledger.jsonl');
    await writeFile(path, `${JSON.stringify(A)}\n\n{"clientId":"Max Mustermann","municipalityId":"x","erasedAt":"y"}\n`);
    await expect(readErasureLedgerFile(path)).rejects.toThrow(new ErasureLedgerFileError(`${path}, line 3: clientId must be a UUID.`));
    await writeFile(path, 'kaputt\n');
    await expect(readErasureLedgerFile(path)).rejects.toThrow(`${path}, line 1: not JSON.`);
  });

  it('refuses to append an entry with a malformed date or a free-text reason', async () => {
    await expect(appendErasureLedgerFile(join(dir, 'l.jsonl'), { ...A, erasedAt: 'gestern' })).rejects.toThrow('erasedAt must be a timestamp');
    await expect(appendErasureLedgerFile(join(dir, 'l.jsonl'), { ...A, reason: 'Antrag von Frau Beispiel' })).rejects.toThrow('reason must be a reason code');
  });

  it('takes its path from ERASURE_LEDGER_FILE, else var/erasure-ledger.jsonl', () => {
    expect(erasureLedgerFilePath({ ERASURE_LEDGER_FILE: '/backups/ledger.jsonl' })).toBe('/backups/ledger.jsonl');
    expect(erasureLedgerFilePath({})).toBe(join(process.cwd(), 'var/erasure-ledger.jsonl'));
  });
});
