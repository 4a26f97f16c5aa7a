import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/core';
import { API_ROUTES, ReminderCountResponse, ReminderPageResponse } from '@wegweiser/shared/contracts';
import { ReminderListQueryDto } from './dto/reminder-list.dto';
import { RemindersService } from './reminders.service';

/** The signed-in manager's (or team lead's team's) reminders. They are created by the daily job only. */
@ApiTags('reminders')
@Controller(API_ROUTES.reminders)
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @RequirePermission('reminder:read')
  @Get()
  list(@Query() query: ReminderListQueryDto): Promise<ReminderPageResponse> {
    return this.reminders.list(query);
  }

  /** The unread count for the bell's badge. */
  @RequirePermission('reminder:read')
  @Get('count')
  count(): Promise<ReminderCountResponse> {
    return this.reminders.count();
  }

  @RequirePermission('reminder:read')
  @Post(':id/read')
  @HttpCode(204)
  markRead(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.reminders.markRead(id);
  }
}
