import { Body, Controller, Module, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MultiLine, Public } from '@wegweiser/api/core';
import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { DataSource } from 'typeorm';

/*
 * A write endpoint used only by the text-rule tests: nested DTOs, as no route of the API has them yet. Apart from
 * the one `@MultiLine()` field, nothing here mentions characters: the rule applies because the field is a string.
 */
export class TextProbeAddressDto {
  @MaxLength(100)
  @IsString()
  street!: string;
}

export class TextProbeLineDto {
  @MaxLength(100)
  @IsString()
  label!: string;

  @IsOptional()
  @MultiLine()
  @MaxLength(1000)
  @IsString()
  remark?: string;
}

export class CreateTextProbeDto {
  @MaxLength(100)
  @IsString()
  title!: string;

  @ValidateNested()
  @Type(() => TextProbeAddressDto)
  address!: TextProbeAddressDto;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TextProbeLineDto)
  lines!: TextProbeLineDto[];
}

@Controller('text-probe')
class TextProbeController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @Post()
  async create(@Body() dto: CreateTextProbeDto): Promise<{ title: string }> {
    await this.dataSource.query('INSERT INTO e2e_text_probe (body) VALUES ($1)', [JSON.stringify(dto)]);
    return { title: dto.title };
  }
}

@Module({ controllers: [TextProbeController] })
export class TextProbeModule {}

export const TEXT_PROBE_TABLE_SQL = 'CREATE TABLE e2e_text_probe (id serial PRIMARY KEY, body jsonb NOT NULL)';
export const textProbeGrants = (role: string) => `GRANT SELECT, INSERT ON e2e_text_probe TO ${role}; GRANT USAGE ON SEQUENCE e2e_text_probe_id_seq TO ${role}`;
