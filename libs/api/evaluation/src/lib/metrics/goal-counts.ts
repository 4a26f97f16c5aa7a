import { FIELDS_OF_ACTION } from '@wegweiser/shared/contracts';

/** The goal states the report shows per field of action. */
export const REPORTED_GOAL_STATES = ['achieved', 'not_achieved', 'dropped'] as const;

/**
 * The entries of a person's goal counts array (`goal_counts`, 1-based in SQL): one per field of action and reported
 * goal state, fields outer and states inner — the order of the read model's generated column (migration
 * 1768100000000), which the read-model test holds to `goalCountsSql` of the live computation.
 */
export const GOAL_COUNT_KEYS: readonly { field: string; state: string; index: number }[] = FIELDS_OF_ACTION.flatMap((field, f) =>
  REPORTED_GOAL_STATES.map((state, s) => ({ field, state, index: f * REPORTED_GOAL_STATES.length + s + 1 })),
);

/** The goal counts array from a person's goal counts as JSON (`{ field: { state: goals } }`, SQL of jsonb). */
export const goalCountsSql = (goals: string): string =>
  `ARRAY[${GOAL_COUNT_KEYS.map(({ field, state }) => `COALESCE((${goals} #>> '{${field},${state}}')::integer, 0)`).join(', ')}]`;
