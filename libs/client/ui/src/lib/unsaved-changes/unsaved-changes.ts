import { DestroyRef, Injector, inject } from '@angular/core';
import { CanDeactivateFn } from '@angular/router';
import type { UnsavedChangesChoice } from './unsaved-changes-dialog';

/** A routed component that knows whether leaving it would lose what the user entered. */
export interface HasUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/** Whether `component` implements {@link HasUnsavedChanges}. */
export function implementsUnsavedChanges(component: unknown): component is HasUnsavedChanges {
  return typeof (component as Partial<HasUnsavedChanges> | null)?.hasUnsavedChanges === 'function';
}

/**
 * `canDeactivate`: asks before leaving a component with unsaved changes
 * ("Auf der Seite bleiben" is the default); components without
 * `hasUnsavedChanges()` pass. The dialog (and MatDialog) loads on first use.
 */
export const unsavedChangesGuard: CanDeactivateFn<unknown> = (component) => {
  if (!implementsUnsavedChanges(component) || !component.hasUnsavedChanges()) {
    return true;
  }
  return confirmDiscard(inject(Injector));
};

async function confirmDiscard(injector: Injector): Promise<boolean> {
  const [{ MatDialog }, { UnsavedChangesDialog }] = await Promise.all([
    import('@angular/material/dialog'),
    import('./unsaved-changes-dialog'),
  ]);
  const dialog = injector.get(MatDialog).open<unknown, unknown, UnsavedChangesChoice>(UnsavedChangesDialog, {
    role: 'alertdialog',
    width: '28rem',
  });
  return new Promise((resolve) => dialog.afterClosed().subscribe((choice) => resolve(choice === 'discard')));
}

/**
 * Lets the browser ask before closing or reloading the tab while `hasChanges()`
 * is true (its own dialog; browsers show no custom text). Call in an injection
 * context; the listener goes away with the component.
 */
export function warnBeforeUnload(hasChanges: () => boolean): void {
  const listener = (event: BeforeUnloadEvent) => {
    if (hasChanges()) {
      event.preventDefault();
      // Older browsers need a return value to show the dialog.
      event.returnValue = '';
    }
  };
  window.addEventListener('beforeunload', listener);
  inject(DestroyRef).onDestroy(() => window.removeEventListener('beforeunload', listener));
}
