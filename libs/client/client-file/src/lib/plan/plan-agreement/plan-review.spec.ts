import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { CurrentUser } from '@wegweiser/client/data-access';
import { Permission, PlanAgreementSummaryResponse, PlanReviewResponse } from '@wegweiser/shared/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeStore, queries, setUpPlanTest, testFile, testPlan, type } from '../plan-testing';
import { PlanReview } from './plan-review';

const i18n = (path: string) => JSON.parse(readFileSync(join(__dirname, '../../../../../../../apps/client/public/i18n', path), 'utf8'));
const texts = { root: i18n('de.json'), clientFile: i18n('client-file/de.json') };
const BASE = '/api/clients/c-1/plan/review';
const agreement = (version: number): PlanAgreementSummaryResponse => ({
  version,
  agreedOn: '2026-03-02',
  agreedById: 'm-1',
  agreedByName: 'Julia Neumann',
  recordedAt: '2026-03-02T10:00:00Z',
});
const submitted: PlanReviewResponse = {
  id: 'r-1',
  clientId: 'c-1',
  agreementVersion: 1,
  state: 'submitted',
  comment: null,
  submittedById: 'm-1',
  submittedByName: 'Julia Neumann',
  submittedAt: '2026-03-03T09:00:00Z',
  decidedById: null,
  decidedByName: null,
  decidedAt: null,
  version: 1,
};
const returned: PlanReviewResponse = { ...submitted, state: 'returned', comment: 'Bitte das Sprachziel konkretisieren.', decidedById: 'l-1', decidedByName: 'Oliver Zimmermann', decidedAt: '2026-03-04T09:00:00Z', version: 2 };
const approved: PlanReviewResponse = { ...returned, state: 'approved', comment: null, decidedAt: '2026-03-12T09:00:00Z' };

describe('PlanReview', () => {
  let backend: HttpTestingController;
  let store: FakeStore;
  let messages: string[];

  async function render(options: { review?: PlanReviewResponse | null; latest?: number | null; permissions?: Permission[]; canEdit?: boolean } = {}) {
    const { review = null, latest = 1, permissions = [], canEdit = true } = options;
    const file = testFile({
      plan: testPlan({ latestAgreement: latest ? agreement(latest) : null, review }),
      access: { canEdit, refusal: canEdit ? null : 'notOwnCaseload' },
    });
    ({ backend, store, messages } = setUpPlanTest(texts, file, () =>
      TestBed.overrideProvider(CurrentUser, { useValue: { can: (permission: Permission) => permissions.includes(permission) } }),
    ));
    const fixture = TestBed.createComponent(PlanReview);
    const settle = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
      fixture.detectChanges();
    };
    await settle();
    const page = fixture.nativeElement as HTMLElement;
    const badge = () => page.querySelector('.plan-review__badge')?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
    return { page, settle, badge, ...queries(page) };
  }

  afterEach(() => {
    backend.verify();
    TestBed.inject(MatDialog).closeAll();
  });

  it('lets the responsible manager submit the agreed plan, then reloads the file', async () => {
    const { page, button, buttons, settle } = await render();
    expect(page.textContent).toContain('Noch nicht zur Freigabe eingereicht.');
    expect(buttons()).toEqual(['Zur Freigabe einreichen']);

    button('Zur Freigabe einreichen')?.click();
    await settle();
    const request = backend.expectOne(`${BASE}/submit`);
    expect(request.request.method).toBe('POST');
    request.flush(submitted);

    expect(messages).toEqual(['Plan zur Freigabe eingereicht']);
    expect(store.reloads).toBe(1);
  });

  it('offers no submission before an agreement, while one waits, or without edit rights', async () => {
    expect((await render({ latest: null })).buttons()).toEqual([]);
    TestBed.resetTestingModule();
    const waiting = await render({ review: submitted });
    expect(waiting.badge()).toBe('Zur Freigabe eingereicht');
    expect(waiting.page.textContent).toContain('Fassung 1, eingereicht am 03.03.2026 von Julia Neumann.');
    expect(waiting.buttons()).toEqual([]);
    TestBed.resetTestingModule();
    expect((await render({ canEdit: false })).buttons()).toEqual([]);
  });

  it('shows a returned plan with the comment (in its own direction) and lets the manager submit again', async () => {
    const { page, badge, buttons } = await render({ review: returned });
    expect(badge()).toBe('Zurückgegeben: Bitte das Sprachziel konkretisieren.');
    expect(page.querySelector('.plan-review__comment')?.getAttribute('dir')).toBe('auto');
    expect(page.textContent).toContain('zurückgegeben am 04.03.2026 von Oliver Zimmermann');
    expect(buttons()).toEqual(['Zur Freigabe einreichen']);
  });

  it('shows an approval with day and approver; a newer agreed version may be submitted again', async () => {
    const same = await render({ review: approved });
    expect(same.badge()).toBe('Freigegeben am 12.03.2026 von Oliver Zimmermann');
    expect(same.buttons()).toEqual([]);
    TestBed.resetTestingModule();
    const newer = await render({ review: approved, latest: 2 });
    expect(newer.page.textContent).toContain('Seit der Freigabe wurde eine neuere Fassung vereinbart.');
    expect(newer.buttons()).toEqual(['Zur Freigabe einreichen']);
  });

  it('lets the team lead approve a waiting plan (with the review’s version); no submission for them', async () => {
    expect((await render({ permissions: ['plan:approve'] })).buttons()).toEqual([]);
    TestBed.resetTestingModule();
    const { button, buttons, settle } = await render({ review: submitted, permissions: ['plan:approve'] });
    expect(buttons()).toEqual(['Freigeben', 'Zurückgeben']);

    button('Freigeben')?.click();
    await settle();
    const request = backend.expectOne(`${BASE}/approve`);
    expect(request.request.body).toEqual({ version: 1 });
    request.flush(approved);
    expect(messages).toEqual(['Plan freigegeben']);
    expect(store.reloads).toBe(1);
  });

  it('returns a plan only with a comment, written in the dialog', async () => {
    const { button, settle } = await render({ review: submitted, permissions: ['plan:approve'] });
    button('Zurückgeben')?.click();
    await settle();
    const overlay = document.querySelector('.cdk-overlay-container') as HTMLElement;
    expect(overlay.querySelector('h2')?.textContent?.trim()).toBe('Plan zurückgeben');
    const dialog = queries(overlay);

    type(dialog.field('Kommentar'), '   ');
    dialog.button('Zurückgeben')?.click();
    await settle();
    expect(dialog.fieldError('Kommentar')).toBe('Bitte einen Kommentar schreiben.');
    backend.expectNone(`${BASE}/return`);

    type(dialog.field('Kommentar'), ' Bitte das Sprachziel konkretisieren. ');
    dialog.button('Zurückgeben')?.click();
    await settle();
    await new Promise((resolve) => setTimeout(resolve));
    const request = backend.expectOne(`${BASE}/return`);
    expect(request.request.body).toEqual({ version: 1, comment: 'Bitte das Sprachziel konkretisieren.' });
    request.flush(returned);
    expect(messages).toEqual(['Plan zurückgegeben']);
    expect(store.reloads).toBe(1);
  });

  it('explains a conflict (someone decided meanwhile) and reads the file again', async () => {
    const { button, settle } = await render({ review: submitted, permissions: ['plan:approve'] });
    button('Freigeben')?.click();
    await settle();
    backend.expectOne(`${BASE}/approve`).flush({ statusCode: 409, code: 'staleVersion', message: 'x', currentVersion: 2 }, { status: 409, statusText: 'Conflict' });
    expect(messages).toEqual(['Jemand anderes hat die Freigabe inzwischen bearbeitet. Die Ansicht wurde aktualisiert.']);
    expect(store.reloads).toBe(1);
  });
});
