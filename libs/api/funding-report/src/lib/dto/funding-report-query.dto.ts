import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate, MESSAGE_IS_CODE } from '@wegweiser/api/core';
import { FUNDING_REPORT_LIMITS, FundingReportQuery } from '@wegweiser/shared/contracts';
import { registerDecorator, ValidationArguments } from 'class-validator';

const DAY_MS = 24 * 60 * 60 * 1000;
const days = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** The period's end: not before its start (`beforeFrom`), at most `maxDays` days long (`periodTooLong`). */
function IsPeriodEnd(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    const check = (name: string, ok: (from: number, to: number) => boolean) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: String(propertyName),
        options: { message: name, context: MESSAGE_IS_CODE },
        validator: {
          // Both are valid `YYYY-MM-DD` here (checked first); without a valid `from` that field reports.
          validate: (value: unknown, args: ValidationArguments) => {
            const from = (args.object as { from?: unknown }).from;
            if (typeof value !== 'string' || typeof from !== 'string' || Number.isNaN(days(from))) return true;
            return ok(days(from), days(value));
          },
        },
      });
    check('periodTooLong', (from, to) => to - from + 1 <= FUNDING_REPORT_LIMITS.maxDays);
    check('beforeFrom', (from, to) => from <= to);
  };
}

/** Not before the earliest day the report knows (`tooEarly`). */
function IsNotTooEarly(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'tooEarly',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'tooEarly', context: MESSAGE_IS_CODE },
      validator: { validate: (value: unknown) => typeof value !== 'string' || value >= FUNDING_REPORT_LIMITS.earliest },
    });
}

/* Decorators run bottom-up; the first failure per field is reported. */
/** `GET /api/funding-report?from=…&to=…` (and the downloads): the period, both days inclusive. Unknown parameters → 400. */
export class FundingReportQueryDto implements FundingReportQuery {
  @ApiProperty({ example: '2025-01-01', description: 'First day of the period' })
  @IsNotTooEarly()
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2025-03-31', description: `Last day of the period (not before from, at most ${FUNDING_REPORT_LIMITS.maxDays} days)` })
  @IsPeriodEnd()
  @IsCalendarDate()
  to!: string;
}
