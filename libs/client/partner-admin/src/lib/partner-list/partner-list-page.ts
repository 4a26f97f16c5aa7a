import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { PartnerAdminApi } from '@wegweiser/client/data-access';
import { PARTNER_TOPICS, PartnerResponse, PartnerTopic, WorkingGroupResponse } from '@wegweiser/shared/contracts';
import { forkJoin } from 'rxjs';
import { NO_FILTER, PartnerFilter, filterPartners } from '../partner-filter';
import { WorkingGroupDialog } from '../working-group-dialog/working-group-dialog';
import { IsolatePipe, UserText } from '@wegweiser/client/ui';

/** `/verwaltung/netzwerkpartner`: every partner of the municipality, filtered in the browser (no names in URLs). */
@Component({
  selector: 'ww-partner-list-page',
  imports: [MatAnchor, MatButton, MatFormField, MatInput, MatLabel, RouterLink, TranslocoDirective, IsolatePipe, UserText],
  template: `
    <ng-container *transloco="let t; prefix: 'partnerAdmin'">
      <h2>{{ t('title') }}</h2>
      <p class="intro">{{ t('intro') }}</p>
      <div class="actions">
        <a mat-flat-button routerLink="neu">{{ t('list.create') }}</a>
        <a mat-stroked-button routerLink="import">{{ t('list.import') }}</a>
        <button mat-stroked-button type="button" (click)="addWorkingGroup()">{{ t('list.addWorkingGroup') }}</button>
      </div>
      <form class="filters" role="search" [attr.aria-label]="t('list.filters')" (submit)="$event.preventDefault()">
        <mat-form-field appearance="outline">
          <mat-label>{{ t('list.search') }}</mat-label>
          <input matInput type="search" dir="auto" autocomplete="off" [value]="filter().text" (input)="set('text', $any($event.target).value)" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('list.workingGroup') }}</mat-label>
          <select matNativeControl [value]="filter().workingGroupId ?? ''" (change)="set('workingGroupId', $any($event.target).value || null)">
            <option value="">{{ t('list.all') }}</option>
            @for (group of groups(); track group.id) {
              <option [value]="group.id" dir="auto">{{ group.name }}</option>
            }
          </select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('list.topic') }}</mat-label>
          <select matNativeControl [value]="filter().topic ?? ''" (change)="set('topic', $any($event.target).value || null)">
            <option value="">{{ t('list.all') }}</option>
            @for (topic of topics; track topic) {
              <option [value]="topic">{{ t('topics.' + topic) }}</option>
            }
          </select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('list.status') }}</mat-label>
          <select matNativeControl [value]="filter().status" (change)="set('status', $any($event.target).value)">
            <option value="all">{{ t('list.all') }}</option>
            <option value="active">{{ t('list.active') }}</option>
            <option value="inactive">{{ t('list.inactive') }}</option>
          </select>
        </mat-form-field>
      </form>
      <div role="status" class="status">
        @if (groupAdded(); as name) {
          <p><ww-user-text [text]="t('list.groupAdded', { name: (name | isolate) })" /></p>
        }
        @if (partners(); as all) {
          <p>{{ t('list.count', { count: shown().length }) }}</p>
        } @else if (!failed()) {
          <p>{{ t('loading') }}</p>
        }
      </div>
      @if (failed()) {
        <p role="alert" class="error">{{ t('loadFailed') }}</p>
      }
      <ul class="partners">
        @for (partner of shown(); track partner.id) {
          <li class="partner" [class.partner--inactive]="!partner.active">
            <div class="partner__head">
              <a class="partner__name" [routerLink]="partner.id" [attr.aria-label]="t('list.edit', { name: partner.name })"><bdi>{{ partner.name }}</bdi></a>
              <span class="partner__kind">{{ t('kinds.' + partner.kind) }}</span>
              <span class="partner__state">{{ partner.active ? t('list.active') : t('list.inactive') }}</span>
            </div>
            <dl class="partner__facts">
              <div>
                <dt>{{ t('list.workingGroups') }}</dt>
                <dd>
                  @for (name of groupNames(partner); track $index; let last = $last) {
                    <bdi>{{ name }}</bdi>{{ last ? '' : ', ' }}
                  } @empty {
                    {{ t('list.none') }}
                  }
                </dd>
              </div>
              <div>
                <dt>{{ t('list.topics') }}</dt>
                <dd>{{ topicNames(partner, t) || t('list.none') }}</dd>
              </div>
            </dl>
          </li>
        }
      </ul>
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
      max-width: 72rem;
    }
    h2 {
      margin-top: 0;
    }
    .intro {
      max-width: 48rem;
    }
    .actions,
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      margin-block: 1rem;
    }
    .filters mat-form-field {
      flex: 1 1 12rem;
      min-width: 0;
    }
    .partners {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 0.5rem;
    }
    .partner {
      border: 1px solid var(--mat-sys-outline-variant, #c4c7c5);
      border-radius: 8px;
      padding: 0.75rem 1rem;
    }
    .partner__head {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      align-items: baseline;
    }
    .partner__name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .partner--inactive .partner__state {
      font-style: italic;
    }
    .partner__facts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 2rem;
      margin: 0.5rem 0 0;
    }
    .partner__facts div {
      display: flex;
      gap: 0.5rem;
    }
    .partner__facts dt {
      font-weight: 500;
    }
    .partner__facts dt::after {
      content: ':';
    }
    .partner__facts dd {
      margin: 0;
    }
    .error {
      color: var(--mat-sys-error, #b3261e);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerListPage implements OnInit {
  private readonly api = inject(PartnerAdminApi);
  private readonly dialog = inject(MatDialog);

  protected readonly topics = PARTNER_TOPICS;
  protected readonly partners = signal<PartnerResponse[] | null>(null);
  protected readonly groups = signal<WorkingGroupResponse[]>([]);
  protected readonly filter = signal<PartnerFilter>(NO_FILTER);
  protected readonly failed = signal(false);
  protected readonly groupAdded = signal<string | null>(null);
  protected readonly shown = computed(() => filterPartners(this.partners() ?? [], this.filter()));
  private readonly groupNameById = computed(() => new Map(this.groups().map((g) => [g.id, g.name])));

  ngOnInit(): void {
    forkJoin([this.api.partners(), this.api.workingGroups()]).subscribe({
      next: ([partners, groups]) => {
        this.partners.set(partners);
        this.groups.set(groups);
      },
      error: () => this.failed.set(true),
    });
  }

  protected set<K extends keyof PartnerFilter>(key: K, value: PartnerFilter[K] | string): void {
    this.filter.update((filter) => ({ ...filter, [key]: value as PartnerFilter[K] }));
  }

  /** The partner's working groups by name, each shown isolated in the list. */
  protected groupNames(partner: PartnerResponse): string[] {
    const names = this.groupNameById();
    return partner.workingGroupIds.map((id) => names.get(id) ?? '').filter(Boolean);
  }

  protected topicNames(partner: PartnerResponse, t: (key: string) => string): string {
    const topics = new Set<PartnerTopic>(partner.offers.map((o) => o.topic));
    return PARTNER_TOPICS.filter((topic) => topics.has(topic))
      .map((topic) => t(`topics.${topic}`))
      .join(', ');
  }

  protected addWorkingGroup(): void {
    this.groupAdded.set(null);
    WorkingGroupDialog.open(this.dialog).subscribe((group) => {
      if (!group) return;
      this.groups.update((groups) => [...groups, group].sort((a, b) => a.name.localeCompare(b.name, 'de')));
      this.groupAdded.set(group.name);
    });
  }
}
