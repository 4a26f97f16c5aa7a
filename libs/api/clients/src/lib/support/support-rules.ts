import { ClosureReason, SUPPORT_FIELD_CODES, SupportState } from '@wegweiser/shared/contracts';
import { maximumWindowEnd } from './support-window';

export type SupportTransition = 'pause' | 'resume' | 'close' | 'reopen';

/** From which states a transition starts, and where it leads. */
export const SUPPORT_TRANSITIONS: Readonly<Record<SupportTransition, { from: readonly SupportState[]; to: SupportState }>> = {
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  close: { from: ['active', 'paused'], to: 'closed' },
  reopen: { from: ['closed'], to: 'active' },
};

/** The client's support columns after a transition taking effect `on` (closure needs its reason). */
export function supportColumnsAfter(
  transition: SupportTransition,
  on: string,
  reason: ClosureReason | null,
): { supportState: SupportState; pausedOn?: string | null; closedOn?: string | null; closureReason?: ClosureReason | null } {
  switch (transition) {
    case 'pause':
      return { supportState: 'paused', pausedOn: on };
    case 'resume':
      return { supportState: 'active', pausedOn: null };
    case 'close':
      return { supportState: 'closed', closedOn: on, closureReason: reason, pausedOn: null };
    case 'reopen':
      return { supportState: 'active', closedOn: null, closureReason: null };
  }
}

/** Field code for the day a transition takes effect: not in the future, not before the last change (or the start). */
export function transitionDateProblem(on: string, lastChange: string, today: string): string | null {
  if (on > today) return SUPPORT_FIELD_CODES.notInFuture;
  if (on < lastChange) return SUPPORT_FIELD_CODES.beforeLastChange;
  return null;
}

/** Field code for a requested window end: after the current end, at most start + 48 months. */
export function extensionUntilProblem(supportStart: string, windowEnd: string, requestedUntil: string): string | null {
  if (requestedUntil > maximumWindowEnd(supportStart)) return SUPPORT_FIELD_CODES.beyondMaximumWindow;
  if (requestedUntil <= windowEnd) return SUPPORT_FIELD_CODES.notAfterWindowEnd;
  return null;
}
