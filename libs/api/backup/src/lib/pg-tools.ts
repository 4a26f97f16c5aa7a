import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * pg_dump / pg_restore of the PostgreSQL client package (version ≥ the server's
 * major version; PG_BIN_DIR to pick a specific one). The password goes through
 * the environment (PGPASSWORD), never the command line, which other local users
 * could read.
 */
export function pgTool(name: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env): string {
  return env['PG_BIN_DIR'] ? join(env['PG_BIN_DIR'], name) : name;
}

export function connectionArgs(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env, PGCONNECT_TIMEOUT: process.env['PGCONNECT_TIMEOUT'] ?? '10' };
  if (password) env['PGPASSWORD'] = password;
  return { dbname: parsed.toString(), env };
}

export interface ToolRun {
  /** stdout, when the caller streams it (pg_dump to the encryptor). */
  stdout: Readable;
  /** Resolves on exit 0; rejects with the tool's last stderr lines otherwise (they hold no row data). */
  done: Promise<void>;
}

export function runPgTool(name: 'pg_dump' | 'pg_restore', args: string[], url: string): ToolRun {
  const { dbname, env } = connectionArgs(url);
  const child = spawn(pgTool(name, env), [`--dbname=${dbname}`, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (error) => reject(new Error(`${name} could not be started (${error.message}): install the PostgreSQL client tools or set PG_BIN_DIR.`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${name} failed (exit code ${code}): ${stderr.trim()}`))));
  });
  return { stdout: child.stdout, done };
}
