import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/auth';
import { API_ROUTES, ClientAssignmentsResponse, ReassignClientsResponse, TeamManagersResponse } from '@wegweiser/shared/contracts';
import { ReassignClientsDto } from './dto/reassign.dto';
import { ReassignmentService } from './reassignment.service';

/** Reassigning clients within the team, and who was responsible when. */
@ApiTags('clients')
@Controller(API_ROUTES.clients)
export class ReassignmentController {
  constructor(private readonly reassignment: ReassignmentService) {}

  /** All or nothing: a client outside the team → 404, a target that is no active manager of the team → 400. */
  @RequirePermission('client:reassign')
  @Post('reassign')
  @HttpCode(200)
  reassign(@Body() dto: ReassignClientsDto): Promise<ReassignClientsResponse> {
    return this.reassignment.reassign(dto);
  }

  @RequirePermission('client:read')
  @Get(':id/assignments')
  history(@Param('id', ParseUUIDPipe) id: string): Promise<ClientAssignmentsResponse> {
    return this.reassignment.history(id);
  }
}

/** The team lead's picker of managers to reassign to. */
@ApiTags('teams')
@Controller(`${API_ROUTES.teams}/mine/managers`)
export class TeamManagersController {
  constructor(private readonly reassignment: ReassignmentService) {}

  @RequirePermission('client:reassign')
  @Get()
  list(): Promise<TeamManagersResponse> {
    return this.reassignment.teamManagers();
  }
}
