import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@wegweiser/api/audit';
import { ClientsModule } from '@wegweiser/api/clients';
import { LanguageSkillsService } from './language-skills.service';
import { LanguageSkillEntity, QualificationEntity, WorkExperienceEntity } from './qualification.entities';
import { LanguageSkillsController, QualificationsController, WorkExperienceController } from './qualifications.controller';
import { QualificationsService } from './qualifications.service';

/** Qualifications, work experience and language skills of a client's file. */
@Module({
  imports: [TypeOrmModule.forFeature([QualificationEntity, WorkExperienceEntity, LanguageSkillEntity]), AuditModule, ClientsModule],
  controllers: [QualificationsController, WorkExperienceController, LanguageSkillsController],
  providers: [QualificationsService, LanguageSkillsService],
  exports: [QualificationsService, LanguageSkillsService],
})
export class QualificationsModule {}
