import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { StatusCard, StatusTone } from './status-card';

@Component({
  imports: [StatusCard],
  template: `
    <ww-status-card heading="Systemstatus" [tone]="tone()" pendingLabel="Wird geprüft">
      <p>{{ text() }}</p>
      <button type="button" wwStatusCardActions>Erneut prüfen</button>
    </ww-status-card>
  `,
})
class Host {
  readonly tone = signal<StatusTone>('pending');
  readonly text = signal('Wird geprüft …');
}

describe('StatusCard', () => {
  async function render() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('shows the heading as a level-2 heading and the projected status text in a live region', async () => {
    const { element } = await render();

    expect(element.querySelector('h2')?.textContent).toBe('Systemstatus');
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Wird geprüft …');
    expect(element.querySelector('button')?.textContent).toBe('Erneut prüfen');
  });

  it('shows a labelled progress bar only while pending', async () => {
    const { fixture, element } = await render();
    const progress = () => element.querySelector('mat-progress-bar');

    expect(progress()?.getAttribute('aria-label')).toBe('Wird geprüft');

    fixture.componentInstance.tone.set('success');
    await fixture.whenStable();

    expect(progress()).toBeNull();
    expect(element.querySelector('.status-card--success svg')).not.toBeNull();
  });

  it('marks the error state', async () => {
    const { fixture, element } = await render();

    fixture.componentInstance.tone.set('error');
    await fixture.whenStable();

    expect(element.querySelector('.status-card--error')).not.toBeNull();
  });
});
