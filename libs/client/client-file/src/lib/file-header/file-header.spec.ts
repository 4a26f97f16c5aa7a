import { registerLocaleData } from '@angular/common';
import localeDe from '@angular/common/locales/de';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { SupportResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ageOn } from './age';
import { ClientFileStore } from '../client-file-store';
import { FileHeader } from './file-header';
import { testClient, testSupport } from '../testing/fixtures';
import { provideIcuPlurals } from '@wegweiser/client/ui';

const de = JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n/client-file/de.json'), 'utf8'));
const day = (value: string) => new Date(`${value}T00:00:00Z`);

describe('ageOn', () => {
  it('counts a year only from the birthday on', () => {
    expect(ageOn('1990-04-02', day('2026-04-01'))).toBe(35);
    expect(ageOn('1990-04-02', day('2026-04-02'))).toBe(36);
  });
});

describe('FileHeader', () => {
  function render(support: SupportResponse, today: string, canEdit: boolean | null = true) {
    registerLocaleData(localeDe, 'de');
    TestBed.configureTestingModule({
      imports: [
        FileHeader,
        TranslocoTestingModule.forRoot({
          langs: { de: { clientFile: de } },
          translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
          preloadLangs: true,
        }),
      ],
      providers: [provideIcuPlurals(), provideRouter([]), ...(canEdit === null ? [] : [{ provide: ClientFileStore, useValue: { canEdit: signal(canEdit) } }])],
    });
    const fixture = TestBed.createComponent(FileHeader);
    fixture.componentRef.setInput('client', testClient());
    fixture.componentRef.setInput('support', support);
    fixture.componentRef.setInput('today', day(today));
    fixture.detectChanges();
    const page = fixture.nativeElement as HTMLElement;
    return { page, text: (page.textContent ?? '').replace(/\s+/g, ' ') };
  }

  it('shows the names in both scripts with dir="auto", case number, age and the window with months left', () => {
    const { page, text } = render(testSupport(), '2026-07-14');

    expect(Array.from(page.querySelectorAll('h1 [dir="auto"]')).map((n) => n.textContent?.trim())).toEqual(['Amina Haddad', 'أمينة حداد']);
    expect(text).toContain('BH-2026-0001');
    expect(text).toContain('02.04.1990 (36 Jahre)');
    expect(text).toContain('Aufenthaltserlaubnis (Flüchtling) (§ 25 Abs. 2 AufenthG)');
    expect(text).toContain('15.01.2025 bis 14.01.2028');
    expect(text).toContain('noch 18 Monate');
    expect(text).not.toContain('endet bald');
    // The responsible manager by name, never the user id.
    expect(page.querySelector('.header__manager')?.textContent?.trim()).toBe('Julia Neumann');
    expect(text).not.toContain('m-1');
    expect(page.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe(
      'Betreuungszeitraum: 50 % vergangen, noch 18 Monate, endet am 14.01.2028',
    );
  });

  it('warns in words when fewer than six months are left', () => {
    const { text } = render(testSupport(), '2027-08-15');

    expect(text).toContain('noch 4 Monate');
    expect(text).toContain('endet bald');
  });

  it('offers "Gespräch dokumentieren" when the user may change the file', () => {
    const { page } = render(testSupport(), '2026-07-14', true);

    const link = Array.from(page.querySelectorAll('a')).find((a) => a.textContent?.trim() === 'Gespräch dokumentieren');
    expect(link?.getAttribute('href')).toBe(`/klienten/${testClient().id}/gespraech-neu`);
  });

  it.each([
    ['may not change the file', false],
    ['has no file store around it', null],
  ] as const)('shows no write action when the header %s', (_, canEdit) => {
    const { page, text } = render(testSupport(), '2026-07-14', canEdit);

    expect(text).not.toContain('Gespräch dokumentieren');
    expect(page.querySelector('a[href$="/gespraech-neu"]')).toBeNull();
    expect(text).toContain('BH-2026-0001');
  });
});
