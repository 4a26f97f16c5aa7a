// The ceilings of the benchmark, in one process (same Nest version, same Express platform, same Node process
// settings as the API, no middleware): `GET /api/bare` answers without any I/O; `GET /api/bare-db` (with
// BARE_DB_URL and BARE_MUNICIPALITY_ID) runs what any database-backed endpoint pays at least — one indexed
// primary-key SELECT through a `pg` pool of the API's size, inside a transaction with the tenant setting (row-level
// security on, as the application role). `node bare-app.cjs <port>`.
require('reflect-metadata');
const { Controller, Get, Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { Pool } = require('pg');

const dbUrl = process.env.BARE_DB_URL;
const municipality = process.env.BARE_MUNICIPALITY_ID ?? '';
/** The API's default DATABASE_POOL_SIZE. */
const pool = dbUrl ? new Pool({ connectionString: dbUrl, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }) : null;
const TENANT = `SELECT set_config('app.municipality_id', $1, true), set_config('app.user_id', '', true)`;
let ids = [];
let next = 0;

async function inTenant(work) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(TENANT, [municipality]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

class BareController {
  get() {
    return { ok: true };
  }

  async getOne() {
    const id = ids[next++ % ids.length];
    const { rows } = await inTenant((client) => client.query('SELECT id, case_number FROM client WHERE id = $1', [id]));
    return { id: rows[0]?.id ?? null };
  }
}
const method = (name) => Object.getOwnPropertyDescriptor(BareController.prototype, name);
Get('bare')(BareController.prototype, 'get', method('get'));
Get('bare-db')(BareController.prototype, 'getOne', method('getOne'));
Controller('api')(BareController);

class BareModule {}
Module({ controllers: [BareController] })(BareModule);

NestFactory.create(BareModule, { logger: false })
  .then(async (app) => {
    app.enableShutdownHooks();
    if (pool) ids = (await inTenant((client) => client.query('SELECT id FROM client ORDER BY id LIMIT 1000'))).rows.map((r) => r.id);
    await app.listen(Number(process.argv[2]), '127.0.0.1');
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
