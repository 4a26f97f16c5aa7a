import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { HANDLES_ERRORS_LOCALLY } from '@wegweiser/client/data-access';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeStore, queries, setUpPlanTest, testFile, testGoal, testPlan, type } from '../plan/plan-testing';
import { PlanReferrals } from '../plan/referrals/plan-referrals';
import { PlanTab } from './plan-tab';

/** The referrals section is another component's concern (and spec). */
@Component({ selector: 'ww-plan-referrals', template: '' })
class NoReferrals {}

const i18n = (path: string) => JSON.parse(readFileSync(join(__dirname, '../../../../../../apps/client/public/i18n', path), 'utf8'));
const texts = { root: i18n('de.json'), clientFile: i18n('client-file/de.json') };

const goals = [
  testGoal({ id: 'g-1', fieldOfAction: 'language', target: 'Deutsch bis B1', state: 'open', version: 3 }),
  testGoal({ id: 'g-2', fieldOfAction: 'work', target: 'Praktikum finden', targetLevel: null, state: 'in_progress', version: 1 }),
  testGoal({ id: 'g-3', fieldOfAction: 'work', target: 'Arbeitsstelle', targetLevel: null, state: 'achieved', dueOn: '2026-01-31', version: 1 }),
];

describe('PlanTab', () => {
  let backend: HttpTestingController;
  let store: FakeStore;
  let messages: string[];

  async function render(access = { canEdit: true, refusal: null as 'notOwnCaseload' | 'caseClosed' | null }) {
    ({ backend, store, messages } = setUpPlanTest(texts, testFile({ plan: testPlan({ goals }), access }), () =>
      TestBed.overrideComponent(PlanTab, { remove: { imports: [PlanReferrals] }, add: { imports: [NoReferrals] } }),
    ));
    const fixture = TestBed.createComponent(PlanTab);
    const settle = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
      fixture.detectChanges();
    };
    await settle();
    const page = fixture.nativeElement as HTMLElement;
    const card = (target: string) => Array.from(page.querySelectorAll('article')).find((a) => a.querySelector('h4')?.textContent?.trim() === target) as HTMLElement;
    return { fixture, page, settle, card, ...queries(page) };
  }

  afterEach(() => backend.verify());

  it('groups goals by field of action, soonest due first, with state and one-click state changes', async () => {
    const { page, card } = await render();

    expect(Array.from(page.querySelectorAll('h3')).map((h) => h.textContent?.trim())).toEqual(['Sprache', 'Arbeit', 'Vereinbarung mit Klient:in', 'Freigabe durch die Sachgebietsleitung']);
    expect(Array.from(page.querySelectorAll('article h4')).map((h) => h.textContent?.trim())).toEqual(['Deutsch bis B1', 'Arbeitsstelle', 'Praktikum finden']);
    expect(card('Deutsch bis B1').querySelector('h4')?.getAttribute('dir')).toBe('auto');
    const actions = (target: string) => Array.from(card(target).querySelectorAll('[role="group"] button')).map((b) => b.textContent?.trim());
    expect(actions('Deutsch bis B1')).toEqual(['In Arbeit beginnen', 'Verwerfen', 'Ziel bearbeiten']);
    expect(actions('Praktikum finden')).toEqual(['Erreicht', 'Nicht erreicht', 'Verwerfen', 'Ziel bearbeiten']);
    expect(actions('Arbeitsstelle')).toEqual(['Wieder öffnen', 'Ziel bearbeiten']);
  });

  it('changes a state in one click (errors shown globally) and reloads the file', async () => {
    const { card, settle } = await render();
    const reached = Array.from(card('Praktikum finden').querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Erreicht');

    reached?.click();
    await settle();

    const request = backend.expectOne('/api/clients/c-1/plan/goals/g-2');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ version: 1, state: 'achieved' });
    expect(request.request.context.get(HANDLES_ERRORS_LOCALLY)).toBe(false);
    request.flush({ ...goals[1], state: 'achieved', version: 2 });
    expect(messages).toEqual(['Status geändert: erreicht']);
    expect(store.reloads).toBe(1);
  });

  it('knows when one of its forms has unsaved input', async () => {
    const { fixture, button, field, settle } = await render();
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);

    button('Ziel hinzufügen')?.click();
    await settle();
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);

    type(field('Ziel'), 'Wohnung finden');
    await settle();
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);

    button('Abbrechen')?.click();
    await settle();
    expect(field('Ziel')).toBeNull();
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
  });

  it('opens a goal for editing inline; typing there counts as unsaved', async () => {
    const { fixture, card, settle, field } = await render();
    Array.from(card('Deutsch bis B1').querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === 'Ziel bearbeiten')
      ?.click();
    await settle();

    expect(field<HTMLTextAreaElement>('Ziel')?.value).toBe('Deutsch bis B1');
    type(field('Ziel'), 'Deutsch bis B2');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
  });

  it.each([
    ['notOwnCaseload' as const, 'Nur zum Lesen: Diese Person betreut eine andere Integrationsmanager:in. Ändern kann nur die zuständige Person.'],
    ['caseClosed' as const, 'Nur zum Lesen: Der Fall ist abgeschlossen. Wieder öffnen kann die Sachgebietsleitung.'],
  ])('without edit rights (%s) says why and offers no write action', async (refusal, hint) => {
    const { page } = await render({ canEdit: false, refusal });

    expect(page.querySelector('[role="note"]')?.textContent?.trim()).toBe(hint);
    expect(page.querySelectorAll('button, form, mat-checkbox')).toHaveLength(0);
    expect(page.textContent).toContain('Deutsch bis B1');
  });
});
