import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { CurrentUser } from '@wegweiser/client/data-access';
import { evaluationPeriod, lastCompleteQuarter, Permission } from '@wegweiser/shared/contracts';
import { evaluationTranslations } from '../i18n.testing';
import { REPORT_POLL_MS } from '../report-job/report-polling';
import { doneJob, sampleJob, sampleReport } from '../testing';
import { EvaluationPage } from './evaluation-page';

const REPORTS = '/api/evaluation/reports';
const POLICY = '/api/evaluation/policy';
/** The default period: the last complete quarter before today. */
const lastQuarter = () => {
  const { year, quarter } = lastCompleteQuarter(new Date().toISOString().slice(0, 10));
  return evaluationPeriod('quarter', year, quarter);
};

describe('EvaluationPage', () => {
  let fixture: ComponentFixture<EvaluationPage>;
  let backend: HttpTestingController;
  const page = () => fixture.nativeElement as HTMLElement;
  const text = () => (page().textContent ?? '').replace(/\s+/g, ' ');
  const button = (label: string) => Array.from(page().querySelectorAll('button')).find((b) => b.textContent?.trim() === label) as HTMLButtonElement | undefined;
  const alert = () => page().querySelector('.evaluation__problem[role="alert"]')?.textContent?.trim() ?? '';
  const status = () => page().querySelector('[role="status"]')?.textContent?.trim();
  const jobBar = () => page().querySelector('[role="progressbar"][aria-label="Fortschritt des Berichts"]');

  function render(permissions: Permission[] = ['evaluation:read', 'evaluation:export'], k = 5) {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      imports: [EvaluationPage, evaluationTranslations()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        { provide: CurrentUser, useValue: { can: (permission: Permission) => permissions.includes(permission) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EvaluationPage);
    fixture.detectChanges();
    backend.expectOne({ method: 'GET', url: POLICY }).flush({ k });
    fixture.detectChanges();
  }

  function choose(label: string, option: string): void {
    const field = Array.from(page().querySelectorAll('mat-form-field')).find((f) => f.querySelector('mat-label')?.textContent?.trim() === label);
    (field?.querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    fixture.detectChanges();
    const target = Array.from(document.querySelectorAll('mat-option')).find((o) => o.textContent?.trim() === option) as HTMLElement | undefined;
    if (!target) throw new Error(`no option "${option}"`);
    target.click();
    fixture.detectChanges();
  }

  function type(label: string, value: string): void {
    const field = Array.from(page().querySelectorAll('mat-form-field')).find((f) => f.querySelector('mat-label')?.textContent?.trim() === label);
    const input = field?.querySelector('input') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    fixture.detectChanges();
  }

  function click(label: string): void {
    const target = button(label);
    if (!target) throw new Error(`no button "${label}"`);
    target.click();
    fixture.detectChanges();
  }

  function tick(ms: number): void {
    jest.advanceTimersByTime(ms);
    fixture.detectChanges();
  }

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('states the municipality\'s k, asks for no k, and previews the last complete quarter', () => {
    render();
    backend.expectOne(REPORTS).flush({ items: [] });
    fixture.detectChanges();
    expect(text()).toContain('Sie haben noch keine Berichte erstellt.');
    expect(text()).toContain('Geheimhaltungsschwelle k = 5 (festgelegt von der Administration)');
    expect(page().querySelector('input[type="number"]')).toBeNull();
    expect(text()).not.toContain('Geheimhaltung k speichern');

    click('Vorschau anzeigen');
    const preview = backend.expectOne('/api/evaluation/preview');
    expect(preview.request.body).toEqual({ template: 'annualCouncil', ...lastQuarter() });
    preview.flush(sampleReport());
    fixture.detectChanges();

    expect(page().querySelector('caption')?.textContent).toContain('Deutsch B1 erreicht, nach Geschlecht');
    expect(alert()).toBe('');
  });

  it('asks for a whole year when "Jahr" is chosen (no quarter select then)', () => {
    render();
    backend.expectOne(REPORTS).flush({ items: [] });
    choose('Quartal oder Jahr', 'Jahr');
    const year = new Date().getUTCFullYear() - 1;
    choose('Jahr', String(year));
    expect(Array.from(page().querySelectorAll('mat-label')).map((l) => l.textContent?.trim())).not.toContain('Quartal');
    click('Vorschau anzeigen');
    const preview = backend.expectOne('/api/evaluation/preview');
    expect(preview.request.body).toEqual({ template: 'annualCouncil', from: `${year}-01-01`, to: `${year}-12-31` });
    preview.flush(sampleReport());
  });

  it('says at the form when too few people started in the period (422), with the municipality\'s k', () => {
    render(['evaluation:read', 'evaluation:export'], 7);
    backend.expectOne(REPORTS).flush({ items: [] });
    click('Vorschau anzeigen');
    backend.expectOne('/api/evaluation/preview').flush({ statusCode: 422, code: 'populationBelowThreshold', message: 'x' }, { status: 422, statusText: 'Unprocessable Entity' });
    fixture.detectChanges();

    expect(alert()).toContain('Zu wenige Personen im gewählten Zeitraum: Es müssen mindestens 7 sein');
    expect(page().querySelector('table')).toBeNull();
  });

  it('shows the field errors of a 400 at the period', () => {
    render();
    backend.expectOne(REPORTS).flush({ items: [] });
    click('Vorschau anzeigen');
    backend.expectOne('/api/evaluation/preview').flush(
      { statusCode: 400, code: 'validationFailed', message: 'x', errors: { to: 'notOnPeriodGrid' } },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    expect(alert()).toBe('Bitte prüfen Sie die markierten Eingaben.');
    expect(text()).toContain('Dieser Wert wird nicht angenommen.');
  });

  it('lets the administrator change k in "Geheimhaltung": checked at the field, saved with feedback, then stated', () => {
    render(['evaluation:read', 'evaluation:export', 'evaluation:configure']);
    backend.expectOne(REPORTS).flush({ items: [] });
    expect(page().querySelector('h2#evaluation-policy-title')?.textContent).toBe('Geheimhaltung');

    type('Geheimhaltungsschwelle k', '4');
    click('k speichern');
    backend.expectNone({ method: 'PUT', url: POLICY });
    expect(text()).toContain('Mindestens 5.');

    type('Geheimhaltungsschwelle k', '200');
    click('k speichern');
    backend.expectNone({ method: 'PUT', url: POLICY });
    expect(text()).toContain('Höchstens 100.');

    // A refusal by the API shows at the field, not as a saved value.
    type('Geheimhaltungsschwelle k', '9');
    click('k speichern');
    backend.expectOne({ method: 'PUT', url: POLICY }).flush(
      { statusCode: 400, code: 'validationFailed', message: 'x', errors: { k: 'min' } },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    expect(text()).toContain('Dieser Wert wird nicht angenommen.');
    expect(page().querySelector('.policy__status')?.textContent?.trim()).toBe('');

    type('Geheimhaltungsschwelle k', '8');
    click('k speichern');
    const put = backend.expectOne({ method: 'PUT', url: POLICY });
    expect(put.request.body).toEqual({ k: 8 });
    put.flush({ k: 8 });
    fixture.detectChanges();
    expect(page().querySelector('.policy__status')?.textContent?.trim()).toBe('Gespeichert: k = 8 gilt ab sofort für alle Auswertungen.');
    expect(text()).toContain('Geheimhaltungsschwelle k = 8 (festgelegt von der Administration)');
  });

  it('builds the PDF with a progress bar and a live status, then offers the downloads', () => {
    render();
    backend.expectOne(REPORTS).flush({ items: [] });

    click('PDF erstellen');
    const create = backend.expectOne({ method: 'POST', url: REPORTS });
    expect(create.request.body).toEqual({ template: 'annualCouncil', ...lastQuarter() });
    create.flush(sampleJob(), { status: 202, statusText: 'Accepted' });
    fixture.detectChanges();
    backend.expectOne({ method: 'GET', url: REPORTS }).flush({ items: [sampleJob()] });
    fixture.detectChanges();

    expect(jobBar()?.getAttribute('aria-valuenow')).toBe('0');
    expect(status()).toBe('Bericht wartet auf Bearbeitung … 0 %');

    tick(REPORT_POLL_MS);
    backend.expectOne(`${REPORTS}/r-1`).flush(sampleJob({ state: 'running', progress: 40 }));
    fixture.detectChanges();
    expect(jobBar()?.getAttribute('aria-valuenow')).toBe('40');
    expect(status()).toBe('Bericht wird erstellt … 40 %');

    tick(REPORT_POLL_MS);
    backend.expectOne(`${REPORTS}/r-1`).flush(doneJob());
    fixture.detectChanges();
    expect(status()).toBe('Der Bericht ist fertig.');
    expect(jobBar()).toBeNull();
    backend.expectOne({ method: 'GET', url: REPORTS }).flush({ items: [doneJob()] });
    fixture.detectChanges();
    expect(text()).toContain('wird gelöscht am 21.12.2026');

    tick(REPORT_POLL_MS * 5);
    backend.expectNone(`${REPORTS}/r-1`);

    const clicks: string[] = [];
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:report'), revokeObjectURL: jest.fn() });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    click('PDF herunterladen');
    const file = backend.expectOne(`${REPORTS}/r-1/file?format=pdf`);
    expect(button('PDF herunterladen')?.disabled).toBe(true);
    file.flush(new Blob(['%PDF-1.7']), { headers: { 'Content-Disposition': 'attachment; filename="jahresbericht-2025.pdf"' } });
    fixture.detectChanges();
    expect(clicks).toEqual(['jahresbericht-2025.pdf']);
    expect(button('PDF herunterladen')?.disabled).toBe(false);
  });

  it('says when a report failed, and when a download failed', () => {
    render();
    backend.expectOne(REPORTS).flush({ items: [doneJob({ id: 'r-0' })] });
    fixture.detectChanges();
    const listPdf = page().querySelector('ww-my-reports button') as HTMLButtonElement;
    expect(listPdf.getAttribute('aria-label')).toMatch(/^PDF – Jahresbericht für den Rat, 01\.01\.2025 bis 31\.12\.2025, erstellt /);
    listPdf.click();
    backend.expectOne(`${REPORTS}/r-0/file?format=pdf`).flush(new Blob(['{}']), { status: 500, statusText: 'Server Error' });
    fixture.detectChanges();
    expect(page().querySelector('ww-my-reports [role="alert"]')?.textContent).toContain('Die Datei konnte nicht heruntergeladen werden.');

    click('PDF erstellen');
    backend.expectOne({ method: 'POST', url: REPORTS }).flush(sampleJob({ state: 'running', progress: 10 }), { status: 202, statusText: 'Accepted' });
    backend.expectOne({ method: 'GET', url: REPORTS }).flush({ items: [] });
    tick(REPORT_POLL_MS);
    backend.expectOne(`${REPORTS}/r-1`).flush(sampleJob({ state: 'failed', progress: 10 }));
    fixture.detectChanges();
    backend.expectOne({ method: 'GET', url: REPORTS }).flush({ items: [] });
    expect(status()).toBe('Der Bericht konnte nicht erstellt werden. Bitte versuchen Sie es erneut.');
    expect(button('PDF herunterladen')).toBeUndefined();
  });

  it('stops polling when the page is left', () => {
    render();
    backend.expectOne(REPORTS).flush({ items: [] });
    click('PDF erstellen');
    backend.expectOne({ method: 'POST', url: REPORTS }).flush(sampleJob(), { status: 202, statusText: 'Accepted' });
    backend.expectOne({ method: 'GET', url: REPORTS }).flush({ items: [] });

    fixture.destroy();
    jest.advanceTimersByTime(REPORT_POLL_MS * 5);
    backend.expectNone(`${REPORTS}/r-1`);
  });

  it('offers only the preview without evaluation:export, and no k setting without evaluation:configure', () => {
    render(['evaluation:read']);
    backend.expectNone(REPORTS);
    expect(button('Vorschau anzeigen')).toBeDefined();
    expect(button('PDF erstellen')).toBeUndefined();
    expect(button('k speichern')).toBeUndefined();
    expect(text()).not.toContain('Meine Berichte');
  });
});
