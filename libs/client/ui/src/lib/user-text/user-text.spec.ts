import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { isolate } from './isolate';
import { messageParts, UserText } from './user-text';

describe('messageParts', () => {
  it('splits a message at the texts isolate() marked', () => {
    expect(messageParts(`Plan für ${isolate('مريم 2)')} freigegeben`)).toEqual([
      { text: 'Plan für ', user: false },
      { text: 'مريم 2)', user: true },
      { text: ' freigegeben', user: false },
    ]);
  });

  it('finds several user texts, at the start and the end too', () => {
    expect(messageParts(`${isolate('A')}, ${isolate('B')}`)).toEqual([
      { text: 'A', user: true },
      { text: ', ', user: false },
      { text: 'B', user: true },
    ]);
  });

  it('leaves a message without marks whole, and runs an unmatched FSI to the end', () => {
    expect(messageParts('Gespeichert.')).toEqual([{ text: 'Gespeichert.', user: false }]);
    expect(messageParts('von \u2068Ali')).toEqual([
      { text: 'von ', user: false },
      { text: 'Ali', user: true },
    ]);
  });
});

@Component({
  imports: [UserText],
  template: `<p><ww-user-text [text]="text()" /> (12 Jahre)</p>`,
})
class Host {
  readonly text = signal(`Akte von ${isolate('مريم 2)')} gespeichert`);
}

describe('UserText', () => {
  it('shows each marked text in its own <bdi> and keeps the marks out of the page', () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const paragraph: HTMLElement = fixture.nativeElement.querySelector('p');
    const isolated = paragraph.querySelectorAll('bdi');

    expect(isolated).toHaveLength(1);
    expect(isolated[0].textContent).toBe('مريم 2)');
    expect(paragraph.textContent).toBe('Akte von مريم 2) gespeichert (12 Jahre)');
  });

  it('follows a new text', () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    fixture.componentInstance.text.set(`von ${isolate('Ali')} und ${isolate('علي')}`);
    fixture.detectChanges();
    const names = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('bdi')).map((element) => element.textContent);
    expect(names).toEqual(['Ali', 'علي']);
  });
});
