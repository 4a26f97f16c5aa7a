import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialogRef } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import { ClientsApi } from '@wegweiser/client/data-access';
import { ClientListItemResponse, ClientListQuery, ClientPageResponse } from '@wegweiser/shared/contracts';
import { Subject } from 'rxjs';
import { i18nTesting } from '../../../../testing/i18n.testing';
import { AuthService } from '../../auth/auth.service';
import { QuickSwitcher, SWITCHER_DEBOUNCE_MS } from './quick-switcher';
import { provideIcuPlurals } from '@wegweiser/client/ui';

function hit(id: string, caseNumber: string, firstName: string, lastName: string, original: string | null = null): ClientListItemResponse {
  return {
    id,
    caseNumber,
    firstName,
    lastName,
    firstNameOriginal: original,
    lastNameOriginal: null,
    dateOfBirth: '1990-04-02',
    gender: 'female',
    countryOfOrigin: 'SY',
    teamId: 't-1',
    responsibleManagerId: 'm-1',
    supportStart: '2025-01-15',
    supportState: 'active',
    supportWindowEnd: '2028-01-14',
    version: 1,
    lastContactOn: null,
    openGoals: [],
    canEdit: true,
    responsibleManager: { id: 'm-1', firstName: 'Julia', lastName: 'Neumann' },
  };
}

describe('QuickSwitcher', () => {
  let fixture: ComponentFixture<QuickSwitcher>;
  let answers: Subject<ClientPageResponse>;
  const list = jest.fn<Subject<ClientPageResponse>, [ClientListQuery]>();
  const close = jest.fn();
  const page = () => fixture.nativeElement as HTMLElement;
  const input = () => page().querySelector<HTMLInputElement>('input[role="combobox"]') as HTMLInputElement;
  const key = (name: string) => input().dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));

  beforeEach(() => {
    jest.useFakeTimers();
    answers = new Subject<ClientPageResponse>();
    list.mockReset().mockReturnValue(answers);
    close.mockReset();
    TestBed.configureTestingModule({
      imports: [QuickSwitcher, i18nTesting()],
      providers: [
        provideIcuPlurals(),
        provideRouter([{ path: '**', children: [] }]),
        provideNoopAnimations(),
        { provide: ClientsApi, useValue: { list } },
        { provide: MatDialogRef, useValue: { close } },
        { provide: AuthService, useValue: { can: () => true } },
      ],
    });
    fixture = TestBed.createComponent(QuickSwitcher);
    fixture.detectChanges();
  });

  afterEach(() => jest.useRealTimers());

  function type(value: string) {
    input().value = value;
    input().dispatchEvent(new Event('input'));
    jest.advanceTimersByTime(SWITCHER_DEBOUNCE_MS);
    fixture.detectChanges();
  }

  it('asks only from two characters on, once typing pauses, and says so', () => {
    type('B');
    expect(list).not.toHaveBeenCalled();
    expect(page().querySelector('[role="status"]')?.textContent).toContain('mindestens 2 Zeichen');
    type('BH-2026-00');
    expect(list).toHaveBeenCalledTimes(1);
    expect(list).toHaveBeenCalledWith({ q: 'BH-2026-00', pageSize: 8 });
  });

  it('lists the hits as options, moves the active one with the arrow keys and opens it with Enter', () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    type('Had');
    answers.next({ items: [hit('c-1', 'BH-2026-0001', 'Amina', 'Haddad', 'أمينة'), hit('c-2', 'BH-2026-0002', 'Omar', 'Haddad')], total: 2, nextCursor: null });
    fixture.detectChanges();

    const options = Array.from(page().querySelectorAll('[role="listbox"] [role="option"]'));
    expect(options.map((option) => option.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Amina Haddad, أمينة, BH-2026-0001', 'Omar Haddad, BH-2026-0002']);
    expect(input().getAttribute('aria-expanded')).toBe('true');
    expect(input().getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    expect(page().querySelector('[role="status"]')?.textContent).toContain('2 Treffer');

    key('ArrowDown');
    fixture.detectChanges();
    expect(input().getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    expect(options[1]?.getAttribute('aria-selected')).toBe('true');
    key('ArrowDown');
    fixture.detectChanges();
    expect(input().getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    key('ArrowUp');
    key('Enter');

    expect(close).toHaveBeenCalledWith('c-2');
    expect(navigate).toHaveBeenCalledWith(['/klienten', 'c-2']);
  });

  it('says when nothing matches', () => {
    type('Zzqx');
    answers.next({ items: [], total: 0, nextCursor: null });
    fixture.detectChanges();
    expect(page().querySelector('[role="listbox"]')).toBeNull();
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(page().querySelector('[role="status"]')?.textContent).toContain('Keine Klient:innen gefunden');
  });
});
