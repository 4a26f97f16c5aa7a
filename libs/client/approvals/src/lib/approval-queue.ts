import { PlanReviewListItemResponse, SupportExtensionListItemResponse } from '@wegweiser/shared/contracts';

/** A list as the page shows it: loading, loaded or failed. */
export type ListState<T> = { status: 'loading' } | { status: 'loaded'; items: T[] } | { status: 'failed' };

/** One waiting item of the queue: a plan (by its review) or an extension request. */
export type QueueKey = `plan:${string}` | `extension:${string}`;

export const planKey = (item: PlanReviewListItemResponse): QueueKey => `plan:${item.review.id}`;
export const extensionKey = (item: SupportExtensionListItemResponse): QueueKey => `extension:${item.extension.id}`;

/** The id of an item's toggle button (focus moves there when it opens after a decision). */
export const toggleId = (key: QueueKey): string => `approval-${key.replace(':', '-')}`;

export function loadedItems<T>(state: ListState<T>): T[] {
  return state.status === 'loaded' ? state.items : [];
}

/** The queue in the page's order: plans first, then extension requests (each oldest first, as the API sends them). */
export function queueKeys(plans: ListState<PlanReviewListItemResponse>, extensions: ListState<SupportExtensionListItemResponse>): QueueKey[] {
  return [...loadedItems(plans).map(planKey), ...loadedItems(extensions).map(extensionKey)];
}

/**
 * The item to open after a decision: the one that took the decided item's
 * place (the next waiting one), else the last; null when nothing waits.
 */
export function nextAfterDecision(keysAfter: QueueKey[], decidedIndex: number): QueueKey | null {
  if (keysAfter.length === 0) return null;
  return keysAfter[Math.min(Math.max(decidedIndex, 0), keysAfter.length - 1)] ?? null;
}

/** Whole months from the current window end to the requested one (what the extension adds). */
export function monthsBetween(from: string, until: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [uy, um, ud] = until.split('-').map(Number);
  const months = (uy - fy) * 12 + (um - fm) - (ud < fd ? 1 : 0);
  return Math.max(0, months);
}
