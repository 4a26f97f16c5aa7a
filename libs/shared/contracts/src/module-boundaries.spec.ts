import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Proves the lint constraints bite: code is linted exactly as `nx lint` would
 * (real ESLint, the project's config) as if it were a file in the given lib.
 */
const workspaceRoot = join(__dirname, '../../../..');

interface LintMessage {
  ruleId: string | null;
  message: string;
  line: number;
}

function lintAs(projectDir: string, code: string): LintMessage[] {
  const result = spawnSync(
    process.execPath,
    [join(workspaceRoot, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', 'src/lib/boundary-probe.ts', '--format', 'json'],
    { cwd: join(workspaceRoot, projectDir), input: code, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
  );
  if (!result.stdout) throw new Error(`eslint produced no report: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { messages: LintMessage[] }[])[0]?.messages ?? [];
}

const boundaryErrors = (messages: LintMessage[]) => messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries');

describe('module boundaries', () => {
  it('accept framework-free shared code (control)', () => {
    const messages = lintAs('libs/shared/contracts', `import { ROLES } from '../index';\nexport const first = ROLES[0];\n`);
    expect(boundaryErrors(messages)).toEqual([]);
  });

  it('refuse typeorm, Nest, Angular and API libs in the shared contracts lib', () => {
    const messages = boundaryErrors(
      lintAs(
        'libs/shared/contracts',
        [
          `import { DataSource } from 'typeorm';`,
          `import { Injectable } from '@nestjs/common';`,
          `import { signal } from '@angular/core';`,
          `import { loadConfig } from '@wegweiser/api/core';`,
          `export const leaks = [DataSource, Injectable, signal, loadConfig];`,
        ].join('\n'),
      ),
    );
    expect(messages.map((m) => m.line).sort()).toEqual([1, 2, 3, 4]);
    expect(messages[0]?.message).toMatch(/typeorm/);
  });

  it('refuse API libs and server packages in client code', () => {
    const messages = boundaryErrors(
      lintAs(
        'libs/client/data-access',
        [`import { prepareDatabase } from '@wegweiser/api/database';`, `import { Controller } from '@nestjs/common';`, `export const leaks = [prepareDatabase, Controller];`].join('\n'),
      ),
    );
    expect(messages.map((m) => m.line).sort()).toEqual([1, 2]);
  });
});
