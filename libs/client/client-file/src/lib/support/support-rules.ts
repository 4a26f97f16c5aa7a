import { SupportResponse } from '@wegweiser/shared/contracts';

/** What can be done with a support period (each a dialog that says what follows). */
export type SupportAction = 'pause' | 'resume' | 'close' | 'reopen' | 'extend';

/** The pending extension request, if any (one at a time). */
export function pendingExtension(support: SupportResponse) {
  return support.extensions.find((extension) => extension.state === 'pending') ?? null;
}

/**
 * The actions the support period allows on `today` (`YYYY-MM-DD`): pause or
 * resume, close, reopen within the window, an extension up to start + 48
 * months while none is pending.
 */
export function supportActions(support: SupportResponse, today: string): SupportAction[] {
  if (support.state === 'closed') return today <= support.windowEnd ? ['reopen'] : [];
  const actions: SupportAction[] = [support.state === 'active' ? 'pause' : 'resume', 'close'];
  if (!pendingExtension(support) && support.windowEnd < support.maximumWindowEnd) actions.push('extend');
  return actions;
}

/** The earliest day a change may take effect: the last change of state, or the start. */
export function lastChange(support: SupportResponse): string {
  return support.history.reduce((last, event) => (event.on > last ? event.on : last), support.start);
}

/** The day after `day` (`YYYY-MM-DD`). */
export function dayAfter(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}
