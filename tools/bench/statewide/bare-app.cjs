// The ceiling of the benchmark: a bare NestJS route (same Nest version, same Express platform, same Node process
// settings as the API, nothing else: no middleware, no database). `node bare-app.cjs <port>`.
require('reflect-metadata');
const { Controller, Get, Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');

class BareController {
  get() {
    return { ok: true };
  }
}
Get('bare')(BareController.prototype, 'get', Object.getOwnPropertyDescriptor(BareController.prototype, 'get'));
Controller('api')(BareController);

class BareModule {}
Module({ controllers: [BareController] })(BareModule);

NestFactory.create(BareModule, { logger: false })
  .then(async (app) => {
    app.enableShutdownHooks();
    await app.listen(Number(process.argv[2]), '127.0.0.1');
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
