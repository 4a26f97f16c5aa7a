import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { EnvironmentVariables } from './environment';

export type AppConfig = Readonly<EnvironmentVariables>;

/** Thrown when the environment is invalid; `problems` names each bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const describe = (error: ValidationError): string =>
  `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`;

/**
 * Reads the variables this application knows from `env`; empty strings count
 * as unset. Throws ConfigError naming every variable that is malformed.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new EnvironmentVariables());
  const names = new Set([...known, 'DATABASE_URL', 'DATABASE_APP_URL', 'DATABASE_APP_PASSWORD', 'STATIC_DIR', 'DEMO_REFERENCE_DATE', 'SESSION_SECRET', 'FIELD_ENCRYPTION_KEYS', 'FIELD_ENCRYPTION_ACTIVE_KEY']);
  const plain: Record<string, string> = {};
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value !== '') plain[name] = value;
  }
  const config = plainToInstance(EnvironmentVariables, plain, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) throw new ConfigError(errors.map(describe));
  return Object.freeze(config);
}

export const APP_CONFIG = Symbol('APP_CONFIG');
