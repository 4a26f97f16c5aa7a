import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HealthResponse } from '@wegweiser/shared/contracts';
import { MIGRATIONS, MIGRATIONS_TABLE } from '@wegweiser/api/database';
import { DataSource } from 'typeorm';

type Checks = NonNullable<HealthResponse['checks']>;

@Injectable()
export class ReadinessService {
  private readonly expected = MIGRATIONS.map((migration) => migration.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Database reachable, and every migration this build knows is applied. */
  async check(): Promise<Checks> {
    let applied: string[];
    try {
      const rows: { name: string }[] = await this.dataSource.query(`SELECT name FROM ${MIGRATIONS_TABLE}`);
      applied = rows.map((row) => row.name);
    } catch {
      return { database: { status: 'error', code: 'unreachable' }, migrations: { status: 'error', code: 'unknown' } };
    }
    const pending = this.expected.filter((name) => !applied.includes(name));
    return {
      database: { status: 'ok' },
      migrations: pending.length ? { status: 'error', code: 'pending' } : { status: 'ok' },
    };
  }
}
