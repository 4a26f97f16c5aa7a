import { ApiProperty } from '@nestjs/swagger';
import { MaxLength, IsString } from 'class-validator';

export class ConfirmPartnerImportDto {
  @ApiProperty({ description: 'The token of the preview' })
  @MaxLength(100)
  @IsString()
  token!: string;
}
