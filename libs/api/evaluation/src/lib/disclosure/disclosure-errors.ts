/** Stable codes of the disclosure control; the API maps `populationBelowThreshold` to 422. */
export const DISCLOSURE_ERROR_CODES = {
  invalidThreshold: 'invalidThreshold',
  populationBelowThreshold: 'populationBelowThreshold',
  invalidTable: 'invalidTable',
  inconsistentLinkedTables: 'inconsistentLinkedTables',
  disclosureRisk: 'disclosureRisk',
} as const;
export type DisclosureErrorCode =
  (typeof DISCLOSURE_ERROR_CODES)[keyof typeof DISCLOSURE_ERROR_CODES];

/** Base of every error thrown by the disclosure control; messages never contain cell values. */
export abstract class DisclosureControlError extends Error {
  abstract readonly code: DisclosureErrorCode;
}

/** `k` is not an integer ≥ the minimum (3). */
export class InvalidThresholdError extends DisclosureControlError {
  readonly code = DISCLOSURE_ERROR_CODES.invalidThreshold;
  constructor(
    readonly k: unknown,
    readonly minimum: number,
  ) {
    super(`k must be an integer of at least ${minimum}`);
    this.name = 'InvalidThresholdError';
  }
}

/** The whole requested population is below `k`: nothing may be produced (HTTP 422). The size itself is not kept. */
export class PopulationBelowThresholdError extends DisclosureControlError {
  readonly code = DISCLOSURE_ERROR_CODES.populationBelowThreshold;
  constructor(readonly k: number) {
    super(
      `The selected population has fewer than ${k} clients; no figures can be published.`,
    );
    this.name = 'PopulationBelowThresholdError';
  }
}

/** A table handed to the disclosure control is malformed (shape, negative or fractional counts, margins ≠ sums). */
export class InvalidTableError extends DisclosureControlError {
  readonly code = DISCLOSURE_ERROR_CODES.invalidTable;
  constructor(reason: string) {
    super(`Invalid table: ${reason}`);
    this.name = 'InvalidTableError';
  }
}

/** Two tables of one report give different values for the same shared margin key. */
export class InconsistentLinkedTablesError extends DisclosureControlError {
  readonly code = DISCLOSURE_ERROR_CODES.inconsistentLinkedTables;
  constructor(readonly key: string) {
    super(`Shared margin "${key}" has different values in linked tables`);
    this.name = 'InconsistentLinkedTablesError';
  }
}

/** The run-time audit found a suppressed value that can be narrowed below the protection interval. */
export class DisclosureRiskError extends DisclosureControlError {
  readonly code = DISCLOSURE_ERROR_CODES.disclosureRisk;
  constructor(readonly entries: readonly string[]) {
    super(
      `Suppressed values are recomputable from the published table: ${entries.join(', ')}`,
    );
    this.name = 'DisclosureRiskError';
  }
}
