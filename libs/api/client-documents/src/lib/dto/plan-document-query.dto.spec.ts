import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PlanDocumentQueryDto } from './plan-document-query.dto';

const errors = (query: object) => validateSync(plainToInstance(PlanDocumentQueryDto, query)).map((error) => error.property);

describe('PlanDocumentQueryDto', () => {
  it.each(['ar', 'fa', 'prs', 'uk', 'ru', 'tr', 'en'])('accepts %s', (language) => {
    expect(errors({ language })).toEqual([]);
  });

  it.each([{ language: 'de' }, { language: 'AR' }, { language: '' }, {}])('refuses %j', (query) => {
    expect(errors(query)).toEqual(['language']);
  });
});
