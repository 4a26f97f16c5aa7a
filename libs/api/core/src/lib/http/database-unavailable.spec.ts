import { createServer, Server, Socket } from 'node:net';
import { Client, DatabaseError, Pool } from 'pg';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

/** A PostgreSQL ErrorResponse message ('E') as a server sends it. */
function errorResponse(sqlstate: string, message: string): Buffer {
  const fields = Buffer.from(`SFATAL\0C${sqlstate}\0M${message}\0\0`);
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}
const AUTHENTICATION_OK = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0]);
const READY_FOR_QUERY = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]);

/** A fake server on a free port; `onConnection` plays the PostgreSQL side. */
async function fakeServer(onConnection: (socket: Socket) => void): Promise<{ server: Server; port: number }> {
  const server = createServer(onConnection);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
}

async function freeClosedPort(): Promise<number> {
  const { server, port } = await fakeServer(() => undefined);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const caught = async (work: () => Promise<unknown>): Promise<unknown> => {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
};

/** Real error objects as `pg` and `pg-pool` produce them, not hand-made look-alikes. */
describe('isDatabaseUnavailable', () => {
  const servers: Server[] = [];
  const sockets: Socket[] = [];
  const serve = async (onConnection: (socket: Socket) => void) => {
    const fake = await fakeServer((socket) => {
      sockets.push(socket);
      onConnection(socket);
    });
    servers.push(fake.server);
    return fake.port;
  };
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
  });

  it('is true for a refused connection (server down), also wrapped by TypeORM', async () => {
    const port = await freeClosedPort();
    const error = await caught(() => new Client({ host: '127.0.0.1', port, connectionTimeoutMillis: 2_000 }).connect());
    expect((error as { code?: string }).code).toBe('ECONNREFUSED');
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], error as Error))).toBe(true);
  });

  it('is true for 57P03 cannot_connect_now (starting up / shutting down)', async () => {
    const port = await serve((socket) => socket.once('data', () => socket.end(errorResponse('57P03', 'the database system is starting up'))));
    const error = await caught(() => new Client({ host: '127.0.0.1', port }).connect());
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).code).toBe('57P03');
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('is true for 57P01 admin_shutdown during a query (pg_ctl stop -m fast), through TypeORM', async () => {
    const port = await serve((socket) => {
      socket.once('data', () => {
        socket.write(Buffer.concat([AUTHENTICATION_OK, READY_FOR_QUERY]));
        socket.once('data', () => socket.end(errorResponse('57P01', 'terminating connection due to administrator command')));
      });
    });
    const client = new Client({ host: '127.0.0.1', port });
    client.on('error', () => undefined);
    await client.connect();
    const error = await caught(() => client.query('SELECT 1'));
    expect((error as DatabaseError).code).toBe('57P01');
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], error as Error))).toBe(true);
  });

  it('is true for a connection that ends unexpectedly', async () => {
    const port = await serve((socket) => socket.once('data', () => socket.destroy()));
    const error = await caught(() => new Client({ host: '127.0.0.1', port }).connect());
    expect((error as Error).message).toMatch(/^Connection terminated/);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('is true for the pool giving up waiting for a connection', async () => {
    const port = await serve(() => undefined); // accepts, never answers
    const pool = new Pool({ host: '127.0.0.1', port, connectionTimeoutMillis: 100 });
    const error = await caught(() => pool.query('SELECT 1'));
    await pool.end().catch(() => undefined);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('is true through a cause chain and an AggregateError (happy-eyeballs connect)', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailable(new AggregateError([refused]))).toBe(true);
    expect(isDatabaseUnavailable(new Error('session store failed', { cause: refused }))).toBe(true);
  });

  it('is true for a query runner TypeORM released after its connection broke mid-transaction (runner or its entity manager)', () => {
    expect(isDatabaseUnavailable(new QueryRunnerAlreadyReleasedError())).toBe(true);
    expect(isDatabaseUnavailable(new QueryRunnerProviderAlreadyReleasedError())).toBe(true);
  });

  it('is false for errors of the request or the code', () => {
    const unique = Object.assign(new DatabaseError('duplicate key value violates unique constraint', 0, 'error'), { code: '23505' });
    const timeout = Object.assign(new DatabaseError('canceling statement due to statement timeout', 0, 'error'), { code: '57014' });
    const syntax = Object.assign(new DatabaseError('syntax error at or near "SELEC"', 0, 'error'), { code: '42601' });
    for (const error of [unique, timeout, syntax]) expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], error))).toBe(false);
    expect(isDatabaseUnavailable(new Error('could not connect the dots'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('Connection terminated')).toBe(false);
  });
});
