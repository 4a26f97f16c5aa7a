import { MIGRATIONS, typeOrmOptions } from '@wegweiser/api/database';
import { DataSource } from 'typeorm';

/**
 * Runs the migrations as the given owner up to `migrationName`: `'before'` it
 * (the schema a migration test fills with data) or `'through'` it.
 */
export async function migrate(ownerUrl: string, migrationName: string, extent: 'before' | 'through'): Promise<void> {
  const index = MIGRATIONS.findIndex((migration) => migration.name === migrationName);
  if (index <= 0) throw new Error(`no migration ${migrationName} after the first`);
  const migrations = MIGRATIONS.slice(0, extent === 'before' ? index : index + 1);
  const dataSource = new DataSource({ ...typeOrmOptions({ url: ownerUrl, poolSize: 1, applicationName: 'e2e-migration' }), migrations });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
