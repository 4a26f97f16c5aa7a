import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@wegweiser/api/core';
import {
  LANGUAGE_SKILLS_ROUTE,
  LanguageSkillResponse,
  QUALIFICATIONS_ROUTE,
  QualificationsResponse,
  WORK_EXPERIENCE_ROUTE,
  WorkExperienceResponse,
} from '@wegweiser/shared/contracts';
import { CreateWorkExperienceDto, LanguageParamsDto, PutLanguageSkillDto, UpdateQualificationsDto, UpdateWorkExperienceDto } from './dto/qualification.dto';
import { LanguageSkillsService } from './language-skills.service';
import { QualificationsService } from './qualifications.service';

@ApiTags('qualifications')
@Controller(QUALIFICATIONS_ROUTE)
export class QualificationsController {
  constructor(private readonly qualifications: QualificationsService) {}

  @RequirePermission('client:read')
  @Get()
  get(@Param('clientId', ParseUUIDPipe) clientId: string): Promise<QualificationsResponse> {
    return this.qualifications.get(clientId);
  }

  @RequirePermission('client:write')
  @Put()
  put(@Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: UpdateQualificationsDto): Promise<QualificationsResponse> {
    return this.qualifications.put(clientId, dto);
  }
}

@ApiTags('qualifications')
@Controller(WORK_EXPERIENCE_ROUTE)
export class WorkExperienceController {
  constructor(private readonly qualifications: QualificationsService) {}

  @RequirePermission('client:write')
  @Post()
  create(@Param('clientId', ParseUUIDPipe) clientId: string, @Body() dto: CreateWorkExperienceDto): Promise<WorkExperienceResponse> {
    return this.qualifications.addWorkExperience(clientId, dto);
  }

  @RequirePermission('client:write')
  @Patch(':id')
  update(@Param('clientId', ParseUUIDPipe) clientId: string, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateWorkExperienceDto): Promise<WorkExperienceResponse> {
    return this.qualifications.updateWorkExperience(clientId, id, dto);
  }

  @RequirePermission('client:write')
  @Delete(':id')
  @HttpCode(204)
  remove(@Param('clientId', ParseUUIDPipe) clientId: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.qualifications.removeWorkExperience(clientId, id);
  }
}

@ApiTags('qualifications')
@Controller(LANGUAGE_SKILLS_ROUTE)
export class LanguageSkillsController {
  constructor(private readonly languages: LanguageSkillsService) {}

  @RequirePermission('client:read')
  @Get()
  list(@Param('clientId', ParseUUIDPipe) clientId: string): Promise<LanguageSkillResponse[]> {
    return this.languages.list(clientId);
  }

  @RequirePermission('client:write')
  @Put(':language')
  put(@Param() params: LanguageParamsDto, @Body() dto: PutLanguageSkillDto): Promise<LanguageSkillResponse> {
    return this.languages.put(params.clientId, params.language, dto);
  }
}
