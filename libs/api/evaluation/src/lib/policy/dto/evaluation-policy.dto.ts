import { ApiProperty } from '@nestjs/swagger';
import { EVALUATION_K, EvaluationPolicyRequest } from '@wegweiser/shared/contracts';
import { IsInt, Max, Min } from 'class-validator';

/* Decorators run bottom-up; the first failure per field is reported. */
/** `PUT /api/evaluation/policy`: the municipality's disclosure threshold k (an integer 5…100). */
export class EvaluationPolicyDto implements EvaluationPolicyRequest {
  @ApiProperty({ minimum: EVALUATION_K.min, maximum: EVALUATION_K.max, default: EVALUATION_K.default })
  @Max(EVALUATION_K.max)
  @Min(EVALUATION_K.min)
  @IsInt()
  k!: number;
}
