import { PasswordHasher, PasswordPolicy } from '@wegweiser/api/auth';
import { APPEND_AUDIT_EVENT_SQL, AuditRecord, toAppendParams } from '@wegweiser/api/audit';
import { forbiddenCharacterIn } from '@wegweiser/api/core';
import { SET_TENANT_SQL } from '@wegweiser/api/database';
import { isEmail } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { OneTimePasswords } from './one-time-passwords';
import { isUniqueViolation, UNIQUE_CONSTRAINTS } from './unique-violation';

/** What `cli admin:create` is given (after `parseAdminInput`). */
export interface AdminInput {
  email: string;
  firstName: string;
  lastName: string;
  municipalityCode: string;
  /** Required when the municipality code is new; ignored otherwise. */
  municipalityName?: string;
}

export interface CreatedAdmin {
  userId: string;
  municipalityId: string;
  /** The name of the (new or existing) municipality. */
  municipalityName: string;
  municipalityCreated: boolean;
  /** Print once; it is stored only as a hash and must be changed at the first sign-in. */
  oneTimePassword: string;
}

/** A refusal to show the operator as it is (never contains the password). */
export class AdminCreationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminCreationError';
  }
}

const MUNICIPALITY_CODE = /^[A-Z]{2,8}$/;
const NAME_MAX_LENGTH = 200;

/** Normalises and checks the command-line values; throws `AdminCreationError` listing every problem. */
export function parseAdminInput(raw: Partial<Record<keyof AdminInput, string | undefined>>): AdminInput {
  const email = raw.email?.trim().toLowerCase() ?? '';
  const firstName = raw.firstName?.trim() ?? '';
  const lastName = raw.lastName?.trim() ?? '';
  const municipalityCode = raw.municipalityCode?.trim().toUpperCase() ?? '';
  const municipalityName = raw.municipalityName?.trim() || undefined;
  const problems = [
    !isEmail(email) && '--email: must be an e-mail address',
    !firstName && '--first-name: required',
    !lastName && '--last-name: required',
    (firstName.length > NAME_MAX_LENGTH || lastName.length > NAME_MAX_LENGTH) && `--first-name, --last-name: at most ${NAME_MAX_LENGTH} characters`,
    !MUNICIPALITY_CODE.test(municipalityCode) && '--municipality-code: 2 to 8 letters (A-Z)',
    municipalityName !== undefined && municipalityName.length > NAME_MAX_LENGTH && `--municipality-name: at most ${NAME_MAX_LENGTH} characters`,
    [firstName, lastName, municipalityName ?? ''].some((text) => forbiddenCharacterIn(text, false)) &&
      '--first-name, --last-name, --municipality-name: no control, line-break or invisible characters (as in the API)',
  ].filter((problem): problem is string => typeof problem === 'string');
  if (problems.length) throw new AdminCreationError(problems.join('\n'));
  return { email, firstName, lastName, municipalityCode, municipalityName };
}

/**
 * Creates an `admin` account (and its municipality, if the code is new) as the
 * database owner, in one transaction: the bootstrap for a new installation or
 * municipality, when no administrator exists who could use the API. The
 * account gets a one-time password (returned, never logged) that must be
 * changed at the first sign-in; the second factor is set up then as well.
 * Refuses an e-mail address that already has an account.
 */
export async function createAdmin(ownerUrl: string, input: AdminInput, hasher = new PasswordHasher()): Promise<CreatedAdmin> {
  const oneTimePassword = new OneTimePasswords(new PasswordPolicy()).generate(input);
  // Hashing takes a moment: done before the transaction, which then holds its locks only briefly.
  const passwordHash = await hasher.hash(oneTimePassword);
  const userId = randomUUID();
  const client = new Client({ connectionString: ownerUrl, application_name: 'wegweiser-admin-create' });
  await client.connect();
  try {
    await client.query('BEGIN');
    const existing = await findMunicipality(client, input.municipalityCode);
    if (!existing && !input.municipalityName) {
      throw new AdminCreationError(`There is no municipality ${input.municipalityCode} yet: give --municipality-name to create it.`);
    }
    const municipalityId = existing?.id ?? randomUUID();
    const municipalityName = existing?.name ?? (input.municipalityName as string);
    // Row-level security is forced on the owner too: every row written below must belong to this municipality.
    await client.query(SET_TENANT_SQL, [municipalityId, '']);
    if (!existing) {
      await client.query('INSERT INTO municipality (id, code, name) VALUES ($1, $2, $3)', [municipalityId, input.municipalityCode, municipalityName]);
      await appendAudit(client, municipalityId, { action: 'create', outcome: 'success', entityType: 'municipality', entityId: municipalityId });
    }
    await client.query(
      `INSERT INTO app_user (id, municipality_id, team_id, email, first_name, last_name, role, password_hash, password_must_change)
       VALUES ($1, $2, NULL, $3, $4, $5, 'admin', $6, true)`,
      [userId, municipalityId, input.email, input.firstName, input.lastName, passwordHash],
    );
    await appendAudit(client, municipalityId, { action: 'create', outcome: 'success', entityType: 'user', entityId: userId });
    await client.query('COMMIT');
    return { userId, municipalityId, municipalityName, municipalityCreated: !existing, oneTimePassword };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (isUniqueViolation(error, UNIQUE_CONSTRAINTS.userEmail)) throw new AdminCreationError(`An account with the e-mail address ${input.email} exists already.`);
    if (isUniqueViolation(error, UNIQUE_CONSTRAINTS.municipalityCode)) {
      throw new AdminCreationError(`The municipality ${input.municipalityCode} was created at the same time by someone else: run the command again.`);
    }
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Looks a municipality up by its code. FORCE ROW LEVEL SECURITY hides every
 * municipality from an owner that is not a superuser until its id is set —
 * and here only the code is known. So FORCE is lifted for this one query,
 * inside the caller's transaction: DDL is transactional, no other session
 * ever sees it lifted, and its lock holds other access to the table back only
 * until the commit, milliseconds later.
 */
async function findMunicipality(client: Client, code: string): Promise<{ id: string; name: string } | undefined> {
  await client.query('ALTER TABLE municipality NO FORCE ROW LEVEL SECURITY');
  const { rows } = await client.query<{ id: string; name: string }>('SELECT id, name FROM municipality WHERE code = $1', [code]);
  await client.query('ALTER TABLE municipality FORCE ROW LEVEL SECURITY');
  return rows[0];
}

/** The audit row of a command-line action: a known municipality, nobody signed in. */
async function appendAudit(client: Client, municipalityId: string, record: AuditRecord): Promise<void> {
  await client.query(APPEND_AUDIT_EVENT_SQL, toAppendParams(record, { municipalityId, userId: null, role: null, requestId: null }));
}
