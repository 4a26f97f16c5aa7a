import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@wegweiser/api/audit';
import { ClientsModule } from '@wegweiser/api/clients';
import { ConversationRevisionEntity } from './conversation-revision.entity';
import { ConversationEntity } from './conversation.entity';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';

/** Conversations of a client's file; needs `FieldEncryptionModule.forRoot(...)` in the root module. */
@Module({
  imports: [TypeOrmModule.forFeature([ConversationEntity, ConversationRevisionEntity]), AuditModule, ClientsModule],
  controllers: [ConversationsController],
  providers: [ConversationsService],
  exports: [ConversationsService],
})
export class ConversationsModule {}
