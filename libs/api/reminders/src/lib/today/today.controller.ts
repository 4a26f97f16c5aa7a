import { Controller, Get, Header, Param, ParseUUIDPipe } from '@nestjs/common';
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
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="wegweiser-termin.ics"')
  appointmentIcs(@Param('conversationId', ParseUUIDPipe) conversationId: string): Promise<string> {
    return this.todayService.appointmentIcs(conversationId);
  }
}
