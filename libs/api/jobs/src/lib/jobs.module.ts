import { DynamicModule, Global, Module } from '@nestjs/common';
import { JobRunner } from './job-runner';
import { JOBS_OPTIONS, JobsOptions } from './jobs.options';

/** The API's background jobs (one pg-boss on the owner connection); import once, in the composition root. */
@Global()
@Module({})
export class JobsModule {
  static forRoot(options: JobsOptions): DynamicModule {
    return {
      module: JobsModule,
      providers: [{ provide: JOBS_OPTIONS, useValue: options }, JobRunner],
      exports: [JOBS_OPTIONS, JobRunner],
    };
  }
}
