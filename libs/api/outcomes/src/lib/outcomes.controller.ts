import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/core';
import { OUTCOMES_ROUTE, OutcomeCreatedResponse, OutcomeResponse, OutcomeUndoneResponse, SOFT_RATINGS_ROUTE, SoftRatingResponse } from '@wegweiser/shared/contracts';
import { CreateOutcomeDto, CreateSoftRatingDto, UndoOutcomeDto, UpdateOutcomeDto } from './dto/outcome.dto';
import { OutcomesService } from './outcomes.service';
import { SoftRatingsService } from './soft-ratings.service';

@ApiTags('outcomes')
@Controller(OUTCOMES_ROUTE)
export class OutcomesController {
  constructor(private readonly outcomes: OutcomesService) {}

  @RequirePermission('client:read')
  @Get()
  list(@Param('clientId', ParseUUIDPipe) clientId: string): Promise<OutcomeResponse[]> {
    return this.outcomes.list(clientId);
  }

  @RequirePermission('client:write')
  @Post()
  create(@Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: CreateOutcomeDto): Promise<OutcomeCreatedResponse> {
    return this.outcomes.create(clientId, dto);
  }

  /** Removes an outcome recorded by mistake and restores the goals and German level it changed (all audited). */
  @RequirePermission('client:write')
  @Post(':id/undo')
  @HttpCode(200)
  undo(@Param('clientId', ParseUUIDPipe) clientId: string, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UndoOutcomeDto): Promise<OutcomeUndoneResponse> {
    return this.outcomes.undo(clientId, id, dto);
  }

  @RequirePermission('client:write')
  @Patch(':id')
  update(@Param('clientId', ParseUUIDPipe) clientId: string, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateOutcomeDto): Promise<OutcomeResponse> {
    return this.outcomes.update(clientId, id, dto);
  }
}

@ApiTags('outcomes')
@Controller(SOFT_RATINGS_ROUTE)
export class SoftRatingsController {
  constructor(private readonly ratings: SoftRatingsService) {}

  @RequirePermission('client:read')
  @Get()
  list(@Param('clientId', ParseUUIDPipe) clientId: string): Promise<SoftRatingResponse[]> {
    return this.ratings.list(clientId);
  }

  @RequirePermission('client:write')
  @Post()
  create(@Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: CreateSoftRatingDto): Promise<SoftRatingResponse> {
    return this.ratings.create(clientId, dto);
  }
}
