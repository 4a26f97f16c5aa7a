import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/core';
import { PARTNER_ROUTES, WorkingGroupResponse } from '@wegweiser/shared/contracts';
import { CreateWorkingGroupDto } from './dto/partner.dto';
import { WorkingGroupsService } from './working-groups.service';

/** The municipality's working groups (Arbeitskreise): read with the directory, added by administrators. */
@ApiTags('partners')
@Controller(PARTNER_ROUTES.workingGroups)
export class WorkingGroupsController {
  constructor(private readonly groups: WorkingGroupsService) {}

  @RequirePermission('partner:read')
  @Get()
  list(): Promise<WorkingGroupResponse[]> {
    return this.groups.list();
  }

  @RequirePermission('partner:manage')
  @Post()
  create(@Body() dto: CreateWorkingGroupDto): Promise<WorkingGroupResponse> {
    return this.groups.create(dto);
  }
}
