/** A tablet upright and narrower: dialogs take the whole screen (the caseload shows cards from the same width). */
export const NARROW_SCREEN = '(max-width: 768px)';
/** Up to here the top bar's links, name and sign-out sit behind a menu button: they fit in one row only above. */
export const TOP_BAR_MENU = '(max-width: 1199px)';
/** Up to here the top bar's search field is a search button (icon only), leaving room for the links. */
export const TOP_BAR_SEARCH_ICON = '(max-width: 1439px)';
