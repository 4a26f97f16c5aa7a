/** Default minimum width (max − min) of the values a suppressed entry can still take given the published table. */
export const DEFAULT_PROTECTION = 1;

/** Validates the protection width: a positive integer. */
export function resolveProtection(
  protection: number = DEFAULT_PROTECTION,
): number {
  if (!Number.isSafeInteger(protection) || protection < 1) {
    throw new RangeError('protection must be a positive integer');
  }
  return protection;
}
