import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A point in time with an explicit offset (`...Z` or `...+01:00`), never read
 * in the server's time zone; it must exist (strict ISO 8601). Field code
 * `matches` or `isIso8601`. For calendar days use `IsCalendarDate`.
 */
export const IsIsoDateTime = () => applyDecorators(Matches(DATE_TIME_WITH_OFFSET), IsISO8601({ strict: true, strictSeparator: true }));
