import { BadRequestException } from '@nestjs/common';
import { decodeCursor, encodeCursor } from './client-list';

describe('client list cursor', () => {
  const cursor = { sortKey: 'mueller joerg', id: '3f1c2a4e-8b5d-4c6e-9f7a-1b2c3d4e5f60' };

  it('round-trips and is URL-safe', () => {
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded)).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ sortKey: 'ахмедов ахмед', id: cursor.id }))).toEqual({ sortKey: 'ахмедов ахмед', id: cursor.id });
  });

  it.each([['garbage'], [Buffer.from('["a"]').toString('base64url')], [Buffer.from('["a","not-a-uuid"]').toString('base64url')], [Buffer.from('{"a":1}').toString('base64url')]])(
    'refuses %s with 400 naming the cursor',
    (value) => {
      try {
        decodeCursor(value);
        throw new Error('accepted');
      } catch (error) {
        expect(error).toBeInstanceOf(BadRequestException);
        expect((error as BadRequestException).getResponse()).toEqual(expect.objectContaining({ errors: { cursor: 'invalidCursor' } }));
      }
    },
  );
});
