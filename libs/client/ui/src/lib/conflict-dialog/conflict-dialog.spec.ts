import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConflictChoice, openConflictDialog } from './conflict-dialog';

const de = JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n/de.json'), 'utf8'));

describe('ConflictDialog', () => {
  function open() {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({ langs: { de }, translocoConfig: { availableLangs: ['de'], defaultLang: 'de' }, preloadLangs: true }),
      ],
      providers: [provideNoopAnimations()],
    });
    const choices: (ConflictChoice | undefined)[] = [];
    const closed = jest.fn();
    openConflictDialog(TestBed.inject(MatDialog), [
      { label: 'Ziel', mine: 'Deutsch bis B2', theirs: 'Deutsch bis B1 mit Zertifikat' },
      { label: 'Fällig am', mine: '30.06.2027', theirs: '' },
    ]).subscribe({ next: (choice) => choices.push(choice), complete: closed });
    TestBed.tick();
    const overlay = document.querySelector('.cdk-overlay-container') as HTMLElement;
    const button = (name: string) => Array.from(overlay.querySelectorAll('button')).find((b) => b.textContent?.trim() === name) as HTMLButtonElement;
    const settle = async () => {
      TestBed.tick();
      await new Promise((resolve) => setTimeout(resolve));
    };
    return { overlay, button, choices, closed, settle };
  }

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('explains the conflict and shows both versions of every changed field', () => {
    const { overlay } = open();

    expect(overlay.querySelector('h2')?.textContent?.trim()).toBe('Inzwischen von jemand anderem gespeichert');
    const fields = Array.from(overlay.querySelectorAll('section'));
    expect(fields.map((field) => field.getAttribute('aria-label'))).toEqual(['Ziel', 'Fällig am']);
    const pairs = (section: Element) => Array.from(section.querySelectorAll('dt, dd')).map((cell) => cell.textContent?.trim());
    expect(pairs(fields[0])).toEqual(['Ihre Eingabe', 'Deutsch bis B2', 'Jetzt gespeichert', 'Deutsch bis B1 mit Zertifikat']);
    expect(pairs(fields[1])).toEqual(['Ihre Eingabe', '30.06.2027', 'Jetzt gespeichert', '(leer)']);
    expect(fields[0].querySelector('dd')?.getAttribute('dir')).toBe('auto');
  });

  it.each([
    ['Meine Fassung speichern', 'keepMine'],
    ['Gespeicherte Fassung übernehmen', 'takeTheirs'],
  ])('"%s" closes with %s', async (name, choice) => {
    const { button, choices, closed, settle } = open();

    button(name).click();
    await settle();

    expect(choices).toEqual([choice]);
    expect(closed).toHaveBeenCalled();
  });

  it('Escape closes without a choice', async () => {
    const { overlay, choices, settle } = open();

    overlay.querySelector('mat-dialog-container')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', keyCode: 27, bubbles: true }));
    await settle();

    expect(choices).toEqual([undefined]);
  });
});
