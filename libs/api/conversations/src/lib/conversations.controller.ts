import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/core';
import { CONVERSATIONS_ROUTE, ConversationResponse, ConversationRevisionResponse } from '@wegweiser/shared/contracts';
import { ConversationsService } from './conversations.service';
import { CreateConversationDto, UpdateConversationDto } from './dto/conversation.dto';

@ApiTags('conversations')
@Controller(CONVERSATIONS_ROUTE)
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @RequirePermission('client:read')
  @Get()
  list(@Param('clientId', ParseUUIDPipe) clientId: string): Promise<ConversationResponse[]> {
    return this.conversations.list(clientId);
  }

  @RequirePermission('client:write')
  @Post()
  create(@Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: CreateConversationDto): Promise<ConversationResponse> {
    return this.conversations.create(clientId, dto);
  }

  /** A correction by the author (or the team lead): the version it replaces is kept. */
  @RequirePermission('client:write')
  @Patch(':id')
  update(
    @Param('clientId', ParseUUIDPipe) clientId: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateConversationDto,
  ): Promise<ConversationResponse> {
    return this.conversations.update(clientId, id, dto);
  }

  /** Earlier versions of a corrected conversation, oldest first (team lead and author; 403 for other managers). */
  @RequirePermission('client:read')
  @Get(':id/revisions')
  revisions(@Param('clientId', ParseUUIDPipe) clientId: string, @Param('id', ParseUUIDPipe) id: string): Promise<ConversationRevisionResponse[]> {
    return this.conversations.revisions(clientId, id);
  }
}
