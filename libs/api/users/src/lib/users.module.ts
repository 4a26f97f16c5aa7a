import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MunicipalityEntity, TeamEntity } from './organisation.entities';
import { UserAccountsService } from './user-accounts.service';
import { UserEntity } from './user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, TeamEntity, MunicipalityEntity])],
  providers: [UserAccountsService],
  exports: [UserAccountsService],
})
export class UsersModule {}
