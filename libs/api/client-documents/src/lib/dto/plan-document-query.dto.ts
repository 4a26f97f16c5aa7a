import { ApiProperty } from '@nestjs/swagger';
import { PLAN_DOCUMENT_LANGUAGES, PlanDocumentLanguage } from '@wegweiser/api/documents';
import { IsIn } from 'class-validator';

/** Query of `GET /api/clients/:id/documents/plan`: the language of the second column. */
export class PlanDocumentQueryDto {
  @ApiProperty({ enum: PLAN_DOCUMENT_LANGUAGES, description: 'Arabic, Persian (Farsi), Dari, Ukrainian, Russian, Turkish or English.' })
  @IsIn(PLAN_DOCUMENT_LANGUAGES)
  language!: PlanDocumentLanguage;
}
