import { ElementRef, Injector, afterNextRender, inject } from '@angular/core';

/**
 * Puts the focus back on what changed once an inline form has closed: the element with `id` inside the host, after
 * the next render (the form is gone, the element shown again). Call `focusAfterRender` from an injection context.
 */
export function focusReturn(): (id: string) => void {
  const injector = inject(Injector);
  const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  return (id: string) =>
    afterNextRender(
      () => {
        const target = host.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`);
        target?.focus();
      },
      { injector },
    );
}
