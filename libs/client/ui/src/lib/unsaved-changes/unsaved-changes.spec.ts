import { Component, EnvironmentInjector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ActivatedRouteSnapshot, RouterStateSnapshot } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HasUnsavedChanges, unsavedChangesGuard, warnBeforeUnload } from './unsaved-changes';

const de = JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n/de.json'), 'utf8'));

/** A form-like component whose unsaved state the test sets. */
class Editor implements HasUnsavedChanges {
  constructor(public dirty: boolean) {}
  hasUnsavedChanges(): boolean {
    return this.dirty;
  }
}

@Component({ template: '' })
class Watching {
  dirty = false;
  constructor() {
    warnBeforeUnload(() => this.dirty);
  }
}

// The first dialog of the file loads Material's overlay in jsdom: on a busy 2-core machine that alone took over 5 s.
jest.setTimeout(20_000);

describe('unsavedChangesGuard', () => {
  const settle = async () => {
    for (let round = 0; round < 3; round++) {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const dialog = () => document.querySelector('mat-dialog-container');
  const button = (name: string) =>
    Array.from(document.querySelectorAll<HTMLButtonElement>('mat-dialog-container button')).find((b) => b.textContent?.trim() === name);

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { de },
          translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
          preloadLangs: true,
        }),
      ],
      providers: [provideNoopAnimations()],
    });
  });

  // A dialog left open by a failing test must not answer the next test's clicks.
  afterEach(() => TestBed.inject(MatDialog).closeAll());

  function leave(component: unknown): boolean | Promise<boolean> {
    return runInInjectionContext(TestBed.inject(EnvironmentInjector), () =>
      unsavedChangesGuard(component, {} as ActivatedRouteSnapshot, {} as RouterStateSnapshot, {} as RouterStateSnapshot),
    ) as boolean | Promise<boolean>;
  }

  it('lets components without the method and without changes pass, without a dialog', async () => {
    expect(leave({})).toBe(true);
    expect(leave(null)).toBe(true);
    expect(leave(new Editor(false))).toBe(true);
    await settle();
    expect(dialog()).toBeNull();
  });

  it('asks in an accessible German dialog with the focus on staying; staying blocks the navigation', async () => {
    const decision = leave(new Editor(true));
    await settle();

    expect(dialog()?.getAttribute('role')).toBe('alertdialog');
    const title = document.getElementById(dialog()?.getAttribute('aria-labelledby') ?? '');
    expect(title?.textContent?.trim()).toBe('Ungespeicherte Änderungen verwerfen?');
    // jsdom has no layout, so the focus trap cannot move the focus: the browser e2e checks the real focus.
    expect(button('Auf der Seite bleiben')?.hasAttribute('cdkfocusinitial')).toBe(true);
    expect(button('Änderungen verwerfen')?.hasAttribute('cdkfocusinitial')).toBe(false);
    expect(button('Änderungen verwerfen')).toBeDefined();

    button('Auf der Seite bleiben')?.click();
    await expect(decision).resolves.toBe(false);
  });

  it('lets the navigation go on after "Änderungen verwerfen"', async () => {
    const decision = leave(new Editor(true));
    await settle();

    button('Änderungen verwerfen')?.click();
    await expect(decision).resolves.toBe(true);
  });

  it('treats closing the dialog with Escape as staying', async () => {
    const decision = leave(new Editor(true));
    await settle();

    dialog()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', keyCode: 27, bubbles: true }));
    await expect(decision).resolves.toBe(false);
  });
});

describe('warnBeforeUnload', () => {
  const unload = () => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  };

  it('asks the browser to confirm closing the tab only while there are changes, and stops with the component', () => {
    const fixture = TestBed.createComponent(Watching);
    expect(unload()).toBe(false);

    fixture.componentInstance.dirty = true;
    expect(unload()).toBe(true);

    fixture.destroy();
    expect(unload()).toBe(false);
  });
});
