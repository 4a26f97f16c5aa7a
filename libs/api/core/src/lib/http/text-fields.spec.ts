import { ArgumentMetadata, BadRequestException } from '@nestjs/common';
import { ERROR_CODES } from '@wegweiser/shared/contracts';
import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Trim } from './dto-decorators';
import { forbiddenCharacterPaths, isMultiLine, MultiLine } from './text-fields';
import { createValidationPipe } from './validation';

class AddressDto {
  @IsString()
  street!: string;

  @IsOptional()
  @MultiLine()
  @IsString()
  directions?: string;
}

class PersonDto {
  @Trim()
  @IsString()
  @MaxLength(20)
  name!: string;

  @IsOptional()
  @MultiLine()
  @IsString()
  note?: string;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  aliases?: string[];

  @IsOptional()
  @MultiLine()
  @IsArray()
  @IsString({ each: true })
  paragraphs?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => AddressDto)
  formerAddresses?: AddressDto[];
}

/** Inherits the mark of `note`; its own `summary` is single-line. */
class ExtendedPersonDto extends PersonDto {
  @IsOptional()
  @IsString()
  summary?: string;
}

async function run(value: unknown, metadata: Partial<ArgumentMetadata> = {}): Promise<{ errors?: Record<string, string>; result?: unknown }> {
  try {
    return { result: await createValidationPipe().transform(value, { type: 'body', metatype: PersonDto, ...metadata }) };
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    const response = (error as BadRequestException).getResponse() as { code: string; errors: Record<string, string>; message: string };
    expect(response.code).toBe(ERROR_CODES.validationFailed);
    for (const character of ['\u202E', '\u200B', '\u0000']) expect(response.message).not.toContain(character);
    return { errors: response.errors };
  }
}

describe('forbidden characters in validated requests', () => {
  it('accepts names of every script and multi-line text with line breaks', async () => {
    const body = {
      name: 'علی\u200Cرضا',
      note: 'Erster Absatz.\n\tمراجعة الأوراق',
      aliases: ['ኣብርሃም', 'Дар’я', 'Nguye\u0302\u0303n'],
      paragraphs: ['a\nb'],
      address: { street: 'Hauptstraße 1', directions: 'Hinterhaus\n2. Stock' },
    };
    expect((await run(body)).errors).toBeUndefined();
  });

  it('refuses a bidi override in a single-line field with the field code, and never echoes the value', async () => {
    expect((await run({ name: 'Ali\u202Egnp.exe' })).errors).toEqual({ name: 'forbiddenCharacters' });
  });

  it('refuses a bidi override or NUL in multi-line text, but not its line breaks', async () => {
    expect((await run({ name: 'A', note: 'Zeile 1\nZeile 2 \u202Eevil' })).errors).toEqual({ note: 'forbiddenCharacters' });
    expect((await run({ name: 'A', note: 'a\u0000b' })).errors).toEqual({ note: 'forbiddenCharacters' });
    expect((await run({ name: 'A', note: 'Zeile 1\r\nZeile 2\u200B' })).errors).toBeUndefined();
  });

  it('treats every unmarked string as single-line: arrays, nested DTOs and arrays of nested DTOs, with dotted paths', async () => {
    const { errors } = await run({
      name: 'A',
      aliases: ['ok', 'Ali\u200B'],
      paragraphs: ['ok\n', 'x\u2066y'],
      address: { street: 'Haupt\nstraße', directions: 'links\nrechts' },
      formerAddresses: [{ street: 'ok' }, { street: '\u00ADx' }],
    });
    expect(errors).toEqual({
      'aliases.1': 'forbiddenCharacters',
      'paragraphs.1': 'forbiddenCharacters',
      'address.street': 'forbiddenCharacters',
      'formerAddresses.1.street': 'forbiddenCharacters',
    });
  });

  it('checks the value after @Trim (a trailing line break of a name is trimmed, not refused)', async () => {
    expect((await run({ name: ' Ali\n' })).result).toEqual(expect.objectContaining({ name: 'Ali' }));
  });

  it('reports a field once: the first class-validator problem wins, other fields still get theirs', async () => {
    const { errors } = await run({ name: `${'x'.repeat(30)}\u202E`, aliases: ['\u202E'] });
    expect(errors).toEqual({ name: 'maxLength', 'aliases.0': 'forbiddenCharacters' });
  });

  it('does not report below an unknown property', async () => {
    expect((await run({ name: 'A', extra: { x: '\u202E' } })).errors).toEqual({ extra: 'unknownProperty' });
  });

  it('follows the mark through extends', async () => {
    expect(isMultiLine(new ExtendedPersonDto(), 'note')).toBe(true);
    expect(isMultiLine(new ExtendedPersonDto(), 'summary')).toBe(false);
    const { errors } = await run({ name: 'A', note: 'a\nb', summary: 'a\nb' }, { metatype: ExtendedPersonDto });
    expect(errors).toEqual({ summary: 'forbiddenCharacters' });
  });

  it('checks query DTOs the same way', async () => {
    expect((await run({ name: 'Ali\u200B' }, { type: 'query' })).errors).toEqual({ name: 'forbiddenCharacters' });
  });

  it('checks a body taken without a DTO class, keys included, every string single-line', async () => {
    expect((await run({ a: ['ok', 'x\ny'], b: { 'k\u202E': 1 } }, { metatype: Object })).errors).toEqual({ 'a.1': 'forbiddenCharacters', b: 'forbiddenCharacters' });
    expect((await run({ 'k\u202E': 1 }, { metatype: Object })).errors).toEqual({ body: 'forbiddenCharacters' });
    expect((await run('x\u0000', { metatype: String, data: 'label' })).errors).toEqual({ label: 'forbiddenCharacters' });
    expect((await run('x\u0000', { metatype: undefined })).errors).toEqual({ body: 'forbiddenCharacters' });
    expect((await run({ a: 'fine' }, { metatype: Object })).result).toEqual({ a: 'fine' });
  });

  it('lists paths in document order and skips binary values', () => {
    expect(forbiddenCharacterPaths({ b: '\u202E', a: ['\u0000', new Uint8Array([0])] })).toEqual(['b', 'a.0']);
    expect(forbiddenCharacterPaths({ x: ['\u202E', { z: '\u202E' }], y: '\u202E', w: { 'a\u202E': 1, 'b\u202E': 2 } })).toEqual(['x.0', 'x.1.z', 'y', 'w']);
  });
});
