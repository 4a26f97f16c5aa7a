import { Signal, computed, signal } from '@angular/core';

/**
 * The rows a team lead has ticked in the caseload, by client id. "All on
 * this page" means the rows shown now (`visible`); a new search or filter
 * starts with nothing selected.
 */
export class CaseloadSelection {
  private readonly ids = signal<ReadonlySet<string>>(new Set());

  /** Selected ids, in the order they were ticked. */
  readonly selected = computed(() => [...this.ids()]);
  readonly count = computed(() => this.ids().size);
  readonly allVisible = computed(() => {
    const visible = this.visible();
    return visible.length > 0 && visible.every((id) => this.ids().has(id));
  });
  readonly someVisible = computed(() => !this.allVisible() && this.visible().some((id) => this.ids().has(id)));

  constructor(private readonly visible: Signal<string[]>) {}

  has(id: string): boolean {
    return this.ids().has(id);
  }

  toggle(id: string, on: boolean): void {
    this.ids.update((ids) => {
      const next = new Set(ids);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  /** Ticks every visible row, or clears them all when all were ticked. */
  toggleAllVisible(): void {
    const visible = this.visible();
    const clear = this.allVisible();
    this.ids.update((ids) => {
      const next = new Set(ids);
      for (const id of visible) {
        if (clear) next.delete(id);
        else next.add(id);
      }
      return next;
    });
  }

  clear(): void {
    this.ids.set(new Set());
  }
}
