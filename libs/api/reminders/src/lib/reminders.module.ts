import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@wegweiser/api/audit';
import { ReminderGenerator } from './reminder-generator';
import { ReminderScheduler } from './reminder-scheduler';
import { RemindersController } from './reminders.controller';
import { REMINDERS_OPTIONS, RemindersOptions } from './reminders.options';
import { RemindersService } from './reminders.service';
import { TodayController } from './today/today.controller';
import { TodayService } from './today/today.service';

/** Reminders: the generator, its daily pg-boss job, the API to read them and mark them read, and the start page "Heute" (`GET /api/today`). */
@Module({})
export class RemindersModule {
  static forRoot(options: RemindersOptions): DynamicModule {
    return {
      module: RemindersModule,
      imports: [AuditModule],
      controllers: [RemindersController, TodayController],
      providers: [{ provide: REMINDERS_OPTIONS, useValue: options }, ReminderGenerator, ReminderScheduler, RemindersService, TodayService],
      exports: [ReminderGenerator],
    };
  }
}
