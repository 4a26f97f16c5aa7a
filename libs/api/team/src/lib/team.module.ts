import { Module } from '@nestjs/common';
import { AuditModule } from '@wegweiser/api/audit';
import { TeamDashboardController } from './team-dashboard.controller';
import { TeamDashboardService } from './team-dashboard.service';

/** The team lead's view of the own team. */
@Module({
  imports: [AuditModule],
  controllers: [TeamDashboardController],
  providers: [TeamDashboardService],
})
export class TeamModule {}
