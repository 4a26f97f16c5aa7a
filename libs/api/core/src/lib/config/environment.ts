import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  Validate,
  ValidateIf,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s]+$/;
/** `<keyId>:<base64 of exactly 32 bytes>`, comma-separated (e.g. `openssl rand -base64 32`). */
const FIELD_KEY_LIST = /^\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=\s*(,\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=\s*)*$/;
const fieldKeyIds = (list: string | undefined) => (list ?? '').split(',').map((entry) => entry.trim().split(':')[0]);

@ValidatorConstraint({ name: 'listedFieldKey' })
class ListedFieldKey implements ValidatorConstraintInterface {
  validate(active: unknown, args: ValidationArguments): boolean {
    const ids = fieldKeyIds((args.object as EnvironmentVariables).FIELD_ENCRYPTION_KEYS);
    return typeof active === 'string' && ids.includes(active) && new Set(ids).size === ids.length;
  }
  defaultMessage(): string {
    return 'must be one of the key ids in FIELD_ENCRYPTION_KEYS (each id listed once)';
  }
}
const fieldKeysRequired = (env: EnvironmentVariables) =>
  !!env.DATABASE_URL || env.FIELD_ENCRYPTION_KEYS !== undefined || env.FIELD_ENCRYPTION_ACTIVE_KEY !== undefined;

/**
 * Every environment variable the API reads, validated at start-up.
 * Documented one by one in `.env.example` and docs/operations.md.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MinLength(1)
  HOST = '127.0.0.1';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Owner connection (runs migrations). Unset: embedded PostgreSQL. */
  @IsOptional()
  @Matches(POSTGRES_URL, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Full connection of the application role; overrides role + password below. */
  @IsOptional()
  @Matches(POSTGRES_URL, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_APP_URL?: string;

  @Matches(/^[a-z_][a-z0-9_]{2,62}$/, { message: 'must be a lower-case PostgreSQL role name' })
  DATABASE_APP_ROLE = 'wegweiser_app';

  /** Required with DATABASE_URL (unless DATABASE_APP_URL is set); generated for the embedded database. */
  @ValidateIf((env: EnvironmentVariables) => !!env.DATABASE_URL && !env.DATABASE_APP_URL)
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters (required with DATABASE_URL)' })
  DATABASE_APP_PASSWORD?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @IsString()
  @MinLength(1)
  EMBEDDED_PG_DATA_DIR = './var/postgres';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 5488;

  /** `auto`: load the demo dataset on the first start of an empty embedded database. */
  @IsIn(['auto', 'true', 'false'])
  DEMO_DATA = 'auto';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  DEMO_CLIENTS = 600;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  DEMO_SEED = 2026;

  /**
   * The day the demo data are anchored to (`YYYY-MM-DD`): support windows, due dates and next appointments lie
   * around it. Unset: the day the demo data are loaded (Germany), so a fresh demo has appointments this week and
   * overdue steps. Tests pin it for reproducible data.
   */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  DEMO_REFERENCE_DATE?: string;

  /** Directory of the built Angular client; default: next to the API bundle. */
  @IsOptional()
  @IsString()
  STATIC_DIR?: string;

  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY = false;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(120_000)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /** Signs session and CSRF cookies. Required with DATABASE_URL (shared by all instances); generated for the embedded database. */
  @ValidateIf((env: EnvironmentVariables) => !!env.DATABASE_URL || env.SESSION_SECRET !== undefined)
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters (required with DATABASE_URL)' })
  SESSION_SECRET?: string;

  /**
   * Keys of the encrypted fields (conversation notes, AES-256-GCM), comma-separated `keyId:base64`
   * of 32 random bytes; keep old keys listed until `keys:rotate` has run. Required with DATABASE_URL;
   * for the embedded database generated once into `<EMBEDDED_PG_DATA_DIR>.keys`. Never stored in the database.
   */
  @ValidateIf(fieldKeysRequired)
  @Matches(FIELD_KEY_LIST, { message: 'must be comma-separated keyId:base64 entries of 32-byte keys (required with DATABASE_URL)' })
  FIELD_ENCRYPTION_KEYS?: string;

  /** The key id new values are encrypted with (one of FIELD_ENCRYPTION_KEYS). */
  @ValidateIf(fieldKeysRequired)
  @IsString({ message: 'must be set (required with DATABASE_URL)' })
  @Validate(ListedFieldKey)
  FIELD_ENCRYPTION_ACTIVE_KEY?: string;

  /** A session ends after this long without a request. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  SESSION_IDLE_TIMEOUT_SECONDS = 1_800;

  /**
   * How long an instance may answer from its memory of a session and of the signed-in account (0: never). Any change
   * of either in the database evicts it on every instance at once (PostgreSQL LISTEN/NOTIFY); while an instance is not
   * listening, it reads both on every request.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60)
  AUTH_CACHE_SECONDS = 5;

  /** A session ends this long after sign-in, however active. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(604_800)
  SESSION_ABSOLUTE_TIMEOUT_SECONDS = 43_200;

  /** Failed sign-ins in a row that lock an account. */
  @Transform(toInt)
  @IsInt()
  @Min(3)
  @Max(20)
  LOGIN_LOCKOUT_THRESHOLD = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_440)
  LOGIN_LOCKOUT_MINUTES = 15;

  /** Sign-in attempts per minute from one IP address (generous: a whole office may share one NAT address). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  LOGIN_RATE_LIMIT_PER_IP = 60;

  /** Sign-in attempts per minute for one account. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000)
  LOGIN_RATE_LIMIT_PER_ACCOUNT = 10;

  /** Clients in active support one manager should carry: the team dashboard's target line ("1:150"). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000)
  TEAM_TARGET_LOAD = 150;

  /**
   * Whether this instance works background jobs (pg-boss, schema `pgboss`): report jobs, schedules, pg-boss
   * maintenance. false: it only queues jobs (another instance works them).
   */
  @Transform(toBool)
  @IsBoolean()
  JOBS_ENABLED = true;

  /** Days a finished evaluation report (its PDF, CSV and JSON) is kept before the hourly retention job deletes it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3_650)
  EVALUATION_REPORT_RETENTION_DAYS = 30;

  /** Whether this instance runs the reminder job (pg-boss, schema `pgboss`); several instances may: it runs once per day. */
  @Transform(toBool)
  @IsBoolean()
  REMINDERS_SCHEDULE = true;

  /** When the reminder job runs (cron, five fields, Europe/Berlin). */
  @Matches(/^\S+( \S+){4}$/, { message: 'must be a cron expression of five fields, e.g. "0 5 * * *"' })
  REMINDERS_CRON = '0 5 * * *';

  /**
   * Also create today's reminders at start-up, after migrations and demo data (catch-up after downtime or a
   * first start; idempotent). Without it a fresh start shows no reminders until the next scheduled run.
   */
  @Transform(toBool)
  @IsBoolean()
  REMINDERS_RUN_ON_START = true;

  /** "No contact for N weeks": the reminder's N. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(104)
  REMINDER_NO_CONTACT_WEEKS = 8;
}
