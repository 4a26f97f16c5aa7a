/** A tablet upright and narrower: the top bar collapses into a menu, dialogs take the whole screen. */
export const NARROW_SCREEN = '(max-width: 768px)';
