import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { PartnerAdminApi, refusedForbiddenCharacters } from '@wegweiser/client/data-access';
import { PARTNER_ERROR_CODES, PARTNER_KINDS, PartnerResponse, WorkingGroupResponse } from '@wegweiser/shared/contracts';
import { forkJoin } from 'rxjs';
import { WorkingGroupDialog } from '../working-group-dialog/working-group-dialog';
import { PartnerOffers } from './partner-offers';
import { fillPartnerForm, partnerForm, partnerRequest } from './partner-form-model';
import { IsolatePipe, UserText } from '@wegweiser/client/ui';

type Problem = 'nameTaken' | 'stale' | 'forbiddenCharacters' | 'failed' | 'loadFailed';

const errorCode = (error: unknown) => (error instanceof HttpErrorResponse ? (error.error as { code?: string } | null)?.code : undefined);

/** "Partner anlegen" (`neu`) and "Partner bearbeiten" (`:id`): the organisation, its working groups and (when saved) its offers. */
@Component({
  selector: 'ww-partner-form-page',
  imports: [
    MatAnchor,
    MatButton,
    MatCheckbox,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    PartnerOffers,
    ReactiveFormsModule,
    RouterLink,
    TranslocoDirective,
    IsolatePipe,
    UserText,
  ],
  templateUrl: './partner-form-page.html',
  styleUrl: './partner-form-page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerFormPage implements OnInit {
  private readonly api = inject(PartnerAdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  protected readonly kinds = PARTNER_KINDS;
  protected readonly form = partnerForm();
  protected readonly partner = signal<PartnerResponse | null>(null);
  protected readonly groups = signal<WorkingGroupResponse[]>([]);
  protected readonly loaded = signal(false);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly groupAdded = signal<string | null>(null);
  protected readonly id = this.route.snapshot.paramMap.get('id');

  ngOnInit(): void {
    forkJoin([this.api.workingGroups(), this.api.partners()]).subscribe({
      next: ([groups, partners]) => {
        this.groups.set(groups);
        const partner = this.id ? partners.find((p) => p.id === this.id) : undefined;
        if (this.id && !partner) {
          this.problem.set('loadFailed');
          return;
        }
        if (partner) this.show(partner);
        this.saved.set(partner !== undefined && this.router.lastSuccessfulNavigation()?.extras.state?.['partnerSaved'] === true);
        this.loaded.set(true);
      },
      error: () => this.problem.set('loadFailed'),
    });
  }

  protected isMember(groupId: string): boolean {
    return this.form.controls.workingGroupIds.value.includes(groupId);
  }

  protected toggleGroup(groupId: string, checked: boolean): void {
    const ids = this.form.controls.workingGroupIds.value.filter((id) => id !== groupId);
    this.form.controls.workingGroupIds.setValue(checked ? [...ids, groupId] : ids);
    this.form.markAsDirty();
  }

  protected addWorkingGroup(): void {
    this.groupAdded.set(null);
    WorkingGroupDialog.open(this.dialog).subscribe((group) => {
      if (!group) return;
      this.groups.update((groups) => [...groups, group].sort((a, b) => a.name.localeCompare(b.name, 'de')));
      this.toggleGroup(group.id, true);
      this.groupAdded.set(group.name);
    });
  }

  protected save(): void {
    this.saved.set(false);
    this.problem.set(null);
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const current = this.partner();
    const { active, ...request } = partnerRequest(this.form, current !== null);
    this.busy.set(true);
    const call = current ? this.api.update(current.id, { ...request, active, version: current.version }) : this.api.create(request);
    call.subscribe({
      next: (partner) => {
        this.busy.set(false);
        this.show(partner);
        this.saved.set(true);
        // The new partner's own address; the form there says "Gespeichert" (navigation state, not storage).
        if (!current) void this.router.navigate(['..', partner.id], { relativeTo: this.route, replaceUrl: true, state: { partnerSaved: true } });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const code = errorCode(error);
        this.problem.set(
          code === PARTNER_ERROR_CODES.partnerNameTaken ? 'nameTaken' : code === 'staleVersion' ? 'stale' : refusedForbiddenCharacters(error) ? 'forbiddenCharacters' : 'failed',
        );
      },
    });
  }

  protected offersChanged(partner: PartnerResponse): void {
    this.partner.set(partner);
  }

  private show(partner: PartnerResponse): void {
    this.partner.set(partner);
    fillPartnerForm(this.form, partner);
  }
}
