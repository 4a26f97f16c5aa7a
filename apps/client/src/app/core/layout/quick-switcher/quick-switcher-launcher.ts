import { BreakpointObserver } from '@angular/cdk/layout';
import { Injectable, inject } from '@angular/core';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { NARROW_SCREEN } from '../breakpoints';
import { QuickSwitcher } from './quick-switcher';

/** Opens the quick switcher once at a time: a dialog, full-screen on a tablet upright and narrower. */
@Injectable({ providedIn: 'root' })
export class QuickSwitcherLauncher {
  private readonly dialog = inject(MatDialog);
  private readonly breakpoints = inject(BreakpointObserver);
  private ref: MatDialogRef<QuickSwitcher, string> | null = null;

  open(): void {
    if (this.ref) return;
    const narrow = this.breakpoints.isMatched(NARROW_SCREEN);
    this.ref = this.dialog.open<QuickSwitcher, void, string>(QuickSwitcher, {
      autoFocus: 'first-tabbable',
      restoreFocus: true,
      ...(narrow
        ? { width: '100vw', height: '100dvh', maxWidth: '100vw', maxHeight: '100dvh', panelClass: 'ww-dialog-fullscreen' }
        : { width: '36rem', maxWidth: '95vw', position: { top: '10vh' } }),
    });
    this.ref.afterClosed().subscribe(() => (this.ref = null));
  }
}
