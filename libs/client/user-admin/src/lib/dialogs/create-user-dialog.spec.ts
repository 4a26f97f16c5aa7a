import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { userAdminTranslations } from '../i18n.testing';
import { CreateUserDialog } from './create-user-dialog';

describe('CreateUserDialog', () => {
  let fixture: ComponentFixture<CreateUserDialog>;
  let backend: HttpTestingController;
  const close = jest.fn();
  const root = () => fixture.nativeElement as HTMLElement;
  /** The dialog's form (protected: filled here directly; mat-select is covered by the browser test). */
  const form = () => (fixture.componentInstance as unknown as { form: FormGroup }).form;

  async function settle(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  beforeEach(async () => {
    close.mockClear();
    TestBed.configureTestingModule({
      imports: [CreateUserDialog, userAdminTranslations()],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        { provide: MAT_DIALOG_DATA, useValue: { teams: [{ id: 'team-1', name: 'Team Nord', leadIds: [], memberCount: 3 }] } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CreateUserDialog);
    await settle();
  });

  afterEach(() => backend.verify());

  const labels = () => Array.from(root().querySelectorAll('mat-label')).map((label) => label.textContent?.trim());
  const submit = async () => {
    (root().querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await settle();
  };
  const fill = (values: Record<string, string | null>) => form().patchValue(values);

  it('asks for a team only for managers and team leads, and requires it then', async () => {
    expect(labels()).not.toContain('Team');
    fill({ firstName: 'Nina', lastName: 'Neuberg', email: 'nina@bh.example', role: 'manager' });
    await settle();
    expect(labels()).toContain('Team');
    await submit();
    backend.expectNone('/api/users');
    expect(root().textContent).toContain('Bitte wählen Sie ein Team.');

    fill({ teamId: 'team-1' });
    await submit();
    const request = backend.expectOne('/api/users');
    expect(request.request.body).toEqual({ firstName: 'Nina', lastName: 'Neuberg', email: 'nina@bh.example', role: 'manager', teamId: 'team-1' });
    request.flush({ user: { id: 'u1' }, oneTimePassword: 'abcd-efgh-jkmn-pqrs-tvwx-yz23' });
    expect(close).toHaveBeenCalledWith({ user: { id: 'u1' }, oneTimePassword: 'abcd-efgh-jkmn-pqrs-tvwx-yz23' });
  });

  it('sends no team for other roles, even if one was chosen before', async () => {
    fill({ firstName: 'Paula', lastName: 'Prüfer', email: 'paula@bh.example', role: 'team_lead', teamId: 'team-1' });
    await settle();
    fill({ role: 'evaluator' });
    await settle();
    expect(labels()).not.toContain('Team');
    await submit();
    const request = backend.expectOne('/api/users');
    expect(request.request.body).toEqual({ firstName: 'Paula', lastName: 'Prüfer', email: 'paula@bh.example', role: 'evaluator' });
    request.flush({ statusCode: 409, code: 'emailTaken', message: 'x' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(close).not.toHaveBeenCalled();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('Für diese E-Mail-Adresse gibt es bereits ein Konto.');
  });
});
