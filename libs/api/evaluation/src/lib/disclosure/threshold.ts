import {
  InvalidThresholdError,
  PopulationBelowThresholdError,
} from './disclosure-errors';

/** Default minimum number of distinct clients behind every published count. */
export const DEFAULT_K = 5;
/** `k` may be configured, but never below this. */
export const MIN_K = 3;

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
