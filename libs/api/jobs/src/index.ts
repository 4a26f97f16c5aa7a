export * from './lib/jobs.options';
export * from './lib/job-runner';
export * from './lib/jobs.module';
