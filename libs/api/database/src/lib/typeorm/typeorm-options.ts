import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS, MIGRATIONS_TABLE } from '../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface ConnectionSettings {
  url: string;
  poolSize: number;
  applicationName: string;
}

/** TypeORM options shared by the application and migration connections. Never `synchronize`. */
export function typeOrmOptions(settings: ConnectionSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    applicationName: settings.applicationName,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    poolSize: settings.poolSize,
    extra: {
      // Fail fast when PostgreSQL is away; the pool reconnects on its own afterwards.
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 30_000,
    },
  };
}
