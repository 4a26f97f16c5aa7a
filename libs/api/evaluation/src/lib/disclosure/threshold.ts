import { EVALUATION_K } from '@wegweiser/shared/contracts';
import {
  InvalidThresholdError,
  PopulationBelowThresholdError,
} from './disclosure-errors';

/** Default minimum number of distinct clients behind every published count (the municipality's policy unless changed). */
export const DEFAULT_K = EVALUATION_K.default;
/** `k` is the municipality's policy (issue 19) and never below this. */
export const MIN_K = EVALUATION_K.min;

/** Returns a valid `k` (default {@link DEFAULT_K}); throws {@link InvalidThresholdError} for anything below {@link MIN_K}. */
export function resolveK(k: number | undefined = DEFAULT_K): number {
  if (typeof k !== 'number' || !Number.isSafeInteger(k) || k < MIN_K) {
    throw new InvalidThresholdError(k, MIN_K);
  }
  return k;
}

/** Throws {@link PopulationBelowThresholdError} when the whole population `n` is below `k` (the request is refused). */
export function assertPopulation(n: number, k: number): void {
  const threshold = resolveK(k);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError('population must be a non-negative integer');
  }
  if (n < threshold) {
    throw new PopulationBelowThresholdError(threshold);
  }
}
