import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@wegweiser/api/audit';
import { ClientAccess } from './client-access';
import { ClientEntity } from './client.entity';
import { ClientsController } from './clients.controller';
import { ClientsService } from './clients.service';

@Module({
  imports: [TypeOrmModule.forFeature([ClientEntity]), AuditModule],
  controllers: [ClientsController],
  providers: [ClientsService, ClientAccess],
  exports: [ClientsService, ClientAccess],
})
export class ClientsModule {}
