import { MatDialogConfig } from '@angular/material/dialog';

/** At this width and below (a tablet upright) dialogs take the whole screen. */
export const FULL_SCREEN_MAX_WIDTH = 768;

/** Size of a dialog: `width` on wide screens, the whole screen at tablet width and below. */
export function dialogSize(width: string, viewportWidth = typeof window === 'undefined' ? Infinity : window.innerWidth): MatDialogConfig {
  return viewportWidth <= FULL_SCREEN_MAX_WIDTH
    ? { width: '100vw', maxWidth: '100vw', height: '100dvh', maxHeight: '100dvh', panelClass: 'ww-dialog-full-screen' }
    : { width, maxWidth: '95vw' };
}
