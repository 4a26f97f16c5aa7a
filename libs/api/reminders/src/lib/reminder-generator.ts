import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@wegweiser/api/core';
import { TenantTransactions } from '@wegweiser/api/database';
import { ReminderKind } from '@wegweiser/shared/contracts';
import { listMunicipalityIds, ReminderRunResult, runReminderGeneration } from './generation/reminder-run';
import { REMINDERS_OPTIONS, RemindersOptions } from './reminders.options';

/** The reminder generator inside the API: the daily job (and the start-up catch-up) call `generate`. */
@Injectable()
export class ReminderGenerator {
  private readonly logger = new Logger(ReminderGenerator.name);

  constructor(
    private readonly transactions: TenantTransactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REMINDERS_OPTIONS) private readonly options: RemindersOptions,
  ) {}

  /** Creates the reminders due on `asOf` (`YYYY-MM-DD`, Germany) in every municipality; idempotent. */
  async generate(asOf: string): Promise<ReminderRunResult> {
    const result = await runReminderGeneration(
      {
        municipalities: () => listMunicipalityIds(this.options.ownerUrl),
        inTenant: (municipalityId, work) =>
          this.transactions.run(municipalityId, null, (manager) => work((sql, params) => manager.query(sql, params) as Promise<{ kind: ReminderKind }[]>)),
      },
      asOf,
      this.config.REMINDER_NO_CONTACT_WEEKS,
    );
    this.logger.log({ asOf, municipalities: result.municipalities, created: result.created }, 'Reminders generated');
    return result;
  }
}
