import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, IsOptionalNotNull, MESSAGE_IS_CODE } from '@wegweiser/api/core';
import { EVALUATION_K, EVALUATION_TEMPLATES, EvaluationReportRequest, EvaluationTemplate } from '@wegweiser/shared/contracts';
import { IsIn, IsInt, Max, Min, registerDecorator, ValidationArguments } from 'class-validator';

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

/* Decorators run bottom-up; the first failure per field is reported. */
/** Body of `POST /api/evaluation/preview` and `POST /api/evaluation/reports`. Unknown properties → 400. */
export class EvaluationReportRequestDto implements EvaluationReportRequest {
  @ApiProperty({ enum: EVALUATION_TEMPLATES })
  @IsIn(EVALUATION_TEMPLATES)
  template!: EvaluationTemplate;

  @ApiProperty({ example: '2024-01-01', description: 'Support start from (widened to whole cohorts)' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2024-12-31', description: 'Support start to (not before from)' })
  @IsNotBeforeFrom()
  @IsCalendarDate()
  to!: string;

  @ApiPropertyOptional({ minimum: EVALUATION_K.min, maximum: EVALUATION_K.max, default: EVALUATION_K.default })
  @IsOptionalNotNull()
  @Max(EVALUATION_K.max)
  @Min(EVALUATION_K.min)
  @IsInt()
  k?: number;
}
