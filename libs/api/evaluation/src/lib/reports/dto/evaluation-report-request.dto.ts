import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate, MESSAGE_IS_CODE } from '@wegweiser/api/core';
import { EVALUATION_TEMPLATES, EvaluationReportRequest, EvaluationTemplate, isGridPeriodStart, NOT_ON_PERIOD_GRID, toEvaluationGridPeriod } from '@wegweiser/shared/contracts';
import { IsIn, registerDecorator, ValidationArguments } from 'class-validator';

/** The end of the period is not before its start (field code `beforeFrom`). */
function IsNotBeforeFrom(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isNotBeforeFrom',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'beforeFrom', context: MESSAGE_IS_CODE },
      validator: {
        // Both are valid `YYYY-MM-DD` here (checked first), so they compare like dates.
        validate: (value: unknown, args: ValidationArguments) => {
          const from = (args.object as { from?: unknown }).from;
          return typeof value === 'string' && (typeof from !== 'string' || from <= value);
        },
      },
    });
}

/**
 * The period is on the grid (field code `notOnPeriodGrid`): `from` is the first day of a quarter, and
 * `to` the last day of the same quarter or of the same calendar year (when `from` is 1 January).
 */
function IsOnPeriodGrid(part: 'from' | 'to'): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isOnPeriodGrid',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: NOT_ON_PERIOD_GRID, context: MESSAGE_IS_CODE },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          if (typeof value !== 'string') return false;
          if (part === 'from') return isGridPeriodStart(value);
          const from = (args.object as { from?: unknown }).from;
          // A `from` off the grid is reported at `from`; `to` is judged against a valid start only.
          return typeof from !== 'string' || !isGridPeriodStart(from) || toEvaluationGridPeriod(from, value) !== null;
        },
      },
    });
}

/* Decorators run bottom-up; the first failure per field is reported. */
/**
 * Body of `POST /api/evaluation/preview` and `POST /api/evaluation/reports`. Unknown properties → 400, and so
 * is `k` (any value): the threshold is the municipality's policy, never the requester's choice.
 */
export class EvaluationReportRequestDto implements EvaluationReportRequest {
  @ApiProperty({ enum: EVALUATION_TEMPLATES })
  @IsIn(EVALUATION_TEMPLATES)
  template!: EvaluationTemplate;

  @ApiProperty({ example: '2024-01-01', description: 'First day of a quarter or calendar year (support starts from)' })
  @IsOnPeriodGrid('from')
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2024-12-31', description: 'Last day of the same quarter or calendar year' })
  @IsOnPeriodGrid('to')
  @IsNotBeforeFrom()
  @IsCalendarDate()
  to!: string;
}
