import { Body, Controller, Module, Post } from '@nestjs/common';
import { Public } from '@wegweiser/api/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { DataSource } from 'typeorm';

/** A write endpoint used only by the HTTP-baseline tests: it inserts one row per valid request. */
export class CreateProbeDto {
  @IsString()
  @MaxLength(100)
  label!: string;

  @IsInt()
  @Min(0)
  @Max(1000)
  count!: number;
}

@Controller('probe')
class ProbeController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @Post()
  async create(@Body() dto: CreateProbeDto): Promise<{ label: string; count: number }> {
    await this.dataSource.query('INSERT INTO e2e_probe (label, count) VALUES ($1, $2)', [dto.label, dto.count]);
    return { label: dto.label, count: dto.count };
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}

export const PROBE_TABLE_SQL = 'CREATE TABLE e2e_probe (id serial PRIMARY KEY, label text NOT NULL, count integer NOT NULL)';
