import type { NameGroupCode } from '../types';
import { ARABIC_NAMES } from './arabic';
import { KURDISH_NAMES, SOMALI_NAMES, TURKISH_NAMES } from './latin-groups';
import type { NameGroup } from './name-group';
import { PERSIAN_NAMES } from './persian';
import { RUSSIAN_NAMES } from './russian';
import { TIGRINYA_NAMES } from './tigrinya';
import { UKRAINIAN_NAMES } from './ukrainian';

export type { NameGroup, NamePair } from './name-group';
export { GERMAN_FAMILY_NAMES, GERMAN_FEMALE_NAMES, GERMAN_MALE_NAMES } from './german';

export const NAME_GROUPS: Readonly<Record<NameGroupCode, NameGroup>> = {
  arabic: ARABIC_NAMES,
  persian: PERSIAN_NAMES,
  ukrainian: UKRAINIAN_NAMES,
  russian: RUSSIAN_NAMES,
  tigrinya: TIGRINYA_NAMES,
  turkish: TURKISH_NAMES,
  kurdish: KURDISH_NAMES,
  somali: SOMALI_NAMES,
};
