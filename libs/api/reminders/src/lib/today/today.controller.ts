import { Controller, Get, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/core';
import { API_ROUTES, TodayResponse } from '@wegweiser/shared/contracts';
import { TodayService } from './today.service';

/** The start page "Heute" of managers (and team leads): what is due for the caller's clients. */
@ApiTags('today')
@Controller(API_ROUTES.today)
export class TodayController {
  constructor(private readonly todayService: TodayService) {}

  @RequirePermission('reminder:read')
  @Get()
  today(): Promise<TodayResponse> {
    return this.todayService.today();
  }

  /** One appointment for the office calendar (iCalendar); the URL names only the conversation's id. */
  @RequirePermission('reminder:read')
  @Get('appointments/:conversationId/ics')
  @ApiProduces('text/calendar')
  async appointmentIcs(@Param('conversationId', ParseUUIDPipe) conversationId: string): Promise<StreamableFile> {
    // Headers only on success: an error stays JSON with its code.
    const content = Buffer.from(await this.todayService.appointmentIcs(conversationId), 'utf8');
    return new StreamableFile(content, { type: 'text/calendar; charset=utf-8', disposition: 'attachment; filename="wegweiser-termin.ics"', length: content.length });
  }
}
