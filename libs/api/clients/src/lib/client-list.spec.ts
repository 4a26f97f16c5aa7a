import { BadRequestException } from '@nestjs/common';
import { CLIENT_SORTS } from '@wegweiser/shared/contracts';
import { ClientEntity } from './client.entity';
import { cursorAfter, decodeCursor, encodeCursor, inFieldOrder, NEVER } from './client-list';

const id = '3f1c2a4e-8b5d-4c6e-9f7a-1b2c3d4e5f60';
const row = (overrides: Partial<ClientEntity> = {}) =>
  ({ id, sortKey: 'mueller joerg', supportWindowEnd: '2028-01-14', lastContactOn: '2026-07-01', ...overrides }) as ClientEntity;
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse();
  }
  throw new Error('accepted');
}

describe('client list cursor', () => {
  it('holds the sort values of the row, then its id', () => {
    expect(cursorAfter('name', row())).toEqual({ sort: 'name', keys: ['mueller joerg'], id });
    expect(cursorAfter('windowEnd', row())).toEqual({ sort: 'windowEnd', keys: ['2028-01-14', 'mueller joerg'], id });
    expect(cursorAfter('lastContact', row())).toEqual({ sort: 'lastContact', keys: ['2026-07-01', 'mueller joerg'], id });
    expect(cursorAfter('lastContact', row({ lastContactOn: null })).keys).toEqual([NEVER, 'mueller joerg']);
  });

  it.each(CLIENT_SORTS.map((sort) => [sort]))('round-trips for sort %s and is URL-safe', (sort) => {
    for (const client of [row(), row({ sortKey: 'ахмедов ахмед', lastContactOn: null })]) {
      const encoded = encodeCursor(cursorAfter(sort, client));
      expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(encoded, sort)).toEqual(cursorAfter(sort, client));
    }
  });

  it('refuses a cursor of another sort', () => {
    for (const from of CLIENT_SORTS) {
      for (const to of CLIENT_SORTS.filter((sort) => sort !== from)) {
        expect(refusal(() => decodeCursor(encodeCursor(cursorAfter(from, row())), to))).toEqual(expect.objectContaining({ errors: { cursor: 'invalidCursor' } }));
      }
    }
  });

  it.each([
    ['garbage', 'name'],
    [raw(['a', id]), 'name'],
    [raw(['name', 'a', 'not-a-uuid']), 'name'],
    [raw({ a: 1 }), 'name'],
    [raw(['windowEnd', 'not a day', 'a', id]), 'windowEnd'],
    [raw(['windowEnd', '2026-13-45', 'a', id]), 'windowEnd'],
    [raw(['windowEnd', NEVER, 'a', id]), 'windowEnd'],
    [raw(['lastContact', '2026-07-01', 7, id]), 'lastContact'],
    [raw(['lastContact', '2026-07-01', id]), 'lastContact'],
  ] as const)('refuses %s (sort %s) with 400 naming the cursor', (value, sort) => {
    expect(refusal(() => decodeCursor(value, sort))).toEqual(expect.objectContaining({ errors: { cursor: 'invalidCursor' } }));
  });
});

describe('inFieldOrder', () => {
  it('keeps each field once, in the order of FIELDS_OF_ACTION', () => {
    expect(inFieldOrder(['legal', 'language', 'work', 'language'])).toEqual(['language', 'work', 'legal']);
    expect(inFieldOrder([])).toEqual([]);
  });
});
