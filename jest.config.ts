import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';
import { join } from 'node:path';

/**
 * Every project's jest config in one run: `npm test` runs the unit tests of all projects this way
 * (`--ignoreProjects api-e2e`), so two workers share all test files instead of one jest per project.
 * `nx test <project>` still runs one project with its own config.
 */
export default async (): Promise<Config> => ({
  projects: await getJestProjectsAsync(),
  reporters: ['default', join(__dirname, 'tools/testing/summary-reporter.cjs')],
});
