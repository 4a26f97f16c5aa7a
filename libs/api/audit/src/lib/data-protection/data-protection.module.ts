import { Module } from '@nestjs/common';
import { AuditModule } from '../audit.module';
import { AuditChainService } from './audit-chain.service';
import { AuditChainStore } from './audit-chain.store';
import { AuditChainWorker } from './audit-chain.worker';
import { DataProtectionController } from './data-protection.controller';
import { DataProtectionService } from './data-protection.service';

/** The data-protection officer's API (`/api/audit/...`), with the chain verification job (needs `JobsModule`). */
@Module({
  imports: [AuditModule],
  controllers: [DataProtectionController],
  providers: [DataProtectionService, AuditChainStore, AuditChainWorker, AuditChainService],
})
export class DataProtectionModule {}
