import { ApiProperty } from '@nestjs/swagger';
import { MultiLine, Trim } from '@wegweiser/api/core';
import { REASSIGNMENT_LIMITS, ReassignClientsRequest } from '@wegweiser/shared/contracts';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

/* Decorators run bottom-up; the first failure per field is reported, so the type check sits closest to the property. */
/** `POST /api/clients/reassign`. */
export class ReassignClientsDto implements ReassignClientsRequest {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: REASSIGNMENT_LIMITS.maxClients, uniqueItems: true })
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(REASSIGNMENT_LIMITS.maxClients)
  @ArrayMinSize(1)
  @IsArray()
  clientIds!: string[];

  @ApiProperty({ format: 'uuid', description: 'An active manager of the team lead’s team' })
  @IsUUID()
  toManagerId!: string;

  @ApiProperty({ minLength: 1, maxLength: REASSIGNMENT_LIMITS.reasonMaxLength, description: 'Shown in the assignment history' })
  @MultiLine()
  @Trim()
  @MaxLength(REASSIGNMENT_LIMITS.reasonMaxLength)
  @MinLength(1)
  @IsString()
  reason!: string;
}
