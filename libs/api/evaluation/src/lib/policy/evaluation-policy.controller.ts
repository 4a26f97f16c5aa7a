import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/core';
import { API_ROUTES, EvaluationPolicyResponse } from '@wegweiser/shared/contracts';
import { EvaluationPolicyDto } from './dto/evaluation-policy.dto';
import { EvaluationPolicySettingsService } from './evaluation-policy-settings.service';

/** `/api/evaluation/policy`: the municipality's disclosure threshold k (read: evaluation roles; change: administrators). */
@ApiTags('evaluation')
@Controller(`${API_ROUTES.evaluation}/policy`)
export class EvaluationPolicyController {
  constructor(private readonly settings: EvaluationPolicySettingsService) {}

  @RequirePermission('evaluation:read')
  @Get()
  get(): Promise<EvaluationPolicyResponse> {
    return this.settings.get();
  }

  /** 400 for anything but an integer 5…100 (field `k`); the change is audited with its old and new value. */
  @RequirePermission('evaluation:configure')
  @Put()
  put(@Body() body: EvaluationPolicyDto): Promise<EvaluationPolicyResponse> {
    return this.settings.put(body);
  }
}
