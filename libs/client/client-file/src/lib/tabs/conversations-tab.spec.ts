import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeDe from '@angular/common/locales/de';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { ClientFileResponse, ConversationResponse, ConversationRevisionResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClientFileStore } from '../client-file-store';
import { testClient, testSupport } from '../testing/fixtures';
import { ConversationsTab } from './conversations-tab';

const de = JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n/client-file/de.json'), 'utf8'));

const conversation = (overrides: Partial<ConversationResponse> = {}): ConversationResponse => ({
  id: 'v-1',
  clientId: 'c-1',
  staffId: '5a1f0c2e-0000-4000-8000-000000000001',
  staffName: 'Julia Neumann',
  heldAt: '2026-03-02T09:30:00.000Z',
  durationMinutes: 45,
  form: 'office',
  interpreter: 'none',
  language: 'de',
  topics: ['language'],
  note: 'Sprachkurs B1 ab April.',
  agreements: null,
  nextAppointmentAt: null,
  version: 2,
  createdAt: '2026-03-02T10:00:00.000Z',
  edited: false,
  editedAt: null,
  editedById: null,
  editedBy: null,
  canCorrect: false,
  canReadRevisions: false,
  ...overrides,
});

describe('ConversationsTab', () => {
  function render(conversations: ConversationResponse[]) {
    registerLocaleData(localeDe, 'de');
    const file = { client: testClient(), support: testSupport(), conversations } as ClientFileResponse;
    TestBed.configureTestingModule({
      imports: [
        ConversationsTab,
        TranslocoTestingModule.forRoot({ langs: { de: { clientFile: de } }, translocoConfig: { availableLangs: ['de'], defaultLang: 'de' }, preloadLangs: true }),
      ],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: ClientFileStore, useValue: { file: signal(file) } }],
    });
    const fixture = TestBed.createComponent(ConversationsTab);
    fixture.detectChanges();
    const page = fixture.nativeElement as HTMLElement;
    const text = () => (page.textContent ?? '').replace(/\s+/g, ' ');
    const button = (name: string) => Array.from(page.querySelectorAll('button')).find((b) => b.textContent?.trim() === name);
    return { fixture, page, text, button, backend: TestBed.inject(HttpTestingController) };
  }

  it('names the author of every entry (never the user id) and marks a corrected one "bearbeitet" with date and name', () => {
    const { text, page } = render([
      conversation(),
      conversation({ id: 'v-2', heldAt: '2026-03-10T09:00:00.000Z', edited: true, editedAt: '2026-03-11T08:15:00.000Z', editedBy: 'Oliver Zimmermann' }),
    ]);

    expect(page.querySelectorAll('li')).toHaveLength(2);
    expect(text().match(/Erfasst von Julia Neumann/g)).toHaveLength(2);
    expect(text()).toContain('bearbeitet am 11.03.2026, 08:15:00 von Oliver Zimmermann');
    expect(text()).not.toContain('5a1f0c2e');
    // Without the rights, neither "Korrigieren" nor the earlier versions are offered.
    expect(page.querySelector('a')).toBeNull();
    expect(page.querySelector('button')).toBeNull();
  });

  it('offers "Korrigieren" where the user may correct, and opens the earlier versions in place', () => {
    const { fixture, page, button, backend, text } = render([
      conversation({ canCorrect: true, canReadRevisions: true, edited: true, editedAt: '2026-03-03T08:00:00.000Z', editedBy: 'Julia Neumann' }),
    ]);
    expect(page.querySelector('a')?.getAttribute('href')).toBe('/klienten/c-1/gespraech/v-1/korrigieren');
    const toggle = button('Frühere Fassungen anzeigen') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    toggle.click();
    fixture.detectChanges();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const revision: ConversationRevisionResponse = {
      id: 'r-1',
      conversationId: 'v-1',
      version: 1,
      heldAt: '2026-03-02T09:30:00.000Z',
      durationMinutes: 45,
      form: 'office',
      interpreter: 'none',
      language: 'de',
      topics: ['language'],
      note: 'Sprachkurs A2 besprochen.',
      agreements: null,
      nextAppointmentAt: null,
      replacedAt: '2026-03-03T08:00:00.000Z',
      replacedById: 'm-1',
      replacedBy: 'Julia Neumann',
    };
    backend.expectOne('/api/clients/c-1/conversations/v-1/revisions').flush([revision]);
    fixture.detectChanges();

    const region = page.querySelector('section[aria-label="Frühere Fassungen"]') as HTMLElement;
    expect(region.hidden).toBe(false);
    expect(region.textContent).toContain('Fassung 1');
    expect(region.textContent).toContain('Sprachkurs A2 besprochen.');
    expect(text()).toContain('ersetzt am 03.03.2026, 08:00:00 von Julia Neumann');

    button('Frühere Fassungen ausblenden')?.click();
    fixture.detectChanges();
    expect(region.hidden).toBe(true);
    backend.verify();
  });
});
