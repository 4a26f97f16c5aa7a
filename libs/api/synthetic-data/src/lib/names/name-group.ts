import type { NameGroupCode, NameScript } from '../types';

/** A name in Latin transliteration and in its original script. */
export type NamePair = readonly [latin: string, original: string];

export interface NameGroup {
  code: NameGroupCode;
  script: NameScript;
  female: readonly NamePair[];
  male: readonly NamePair[];
  /** Family names in their male (or only) form. */
  family: readonly NamePair[];
  /** Suffix turning a male family name into the female form (Russian -ов/-ова). */
  femaleFamilySuffix?: NamePair;
}

/** For Latin-script groups the original name is the Latin one. */
export function latinOnly(names: readonly string[]): NamePair[] {
  return names.map((name) => [name, name] as const);
}
