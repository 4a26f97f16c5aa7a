import { ERROR_CODES } from '@wegweiser/shared/contracts';
import { QueryFailedError } from 'typeorm';
import { ApiExceptionFilter } from './api-exception.filter';
import { isInputDataException } from './input-data-exception';

const pgError = (code: string, message: string) =>
  Object.assign(new Error(message), { code, severity: 'ERROR' });

describe('isInputDataException', () => {
  it('recognises NUL characters and out-of-range numbers from the request, through TypeORM and plain pg', () => {
    expect(
      isInputDataException(
        new QueryFailedError(
          'INSERT',
          [],
          pgError('22021', 'invalid byte sequence for encoding "UTF8": 0x00'),
        ),
      ),
    ).toBe(true);
    expect(
      isInputDataException(
        pgError('22003', 'value "2147483648" is out of range for type integer'),
      ),
    ).toBe(true);
  });

  it('leaves other database errors and plain errors alone', () => {
    expect(isInputDataException(pgError('23505', 'duplicate key'))).toBe(false);
    expect(
      isInputDataException(Object.assign(new Error('x'), { code: '22021' })),
    ).toBe(false);
    expect(isInputDataException('22021')).toBe(false);
  });

  it('makes the filter answer 400 badRequest instead of 500', () => {
    const body = new ApiExceptionFilter().toResponse(
      new QueryFailedError(
        'INSERT',
        [],
        pgError('22021', 'invalid byte sequence'),
      ),
    );
    expect(body).toEqual(
      expect.objectContaining({
        statusCode: 400,
        code: ERROR_CODES.badRequest,
      }),
    );
  });
});
