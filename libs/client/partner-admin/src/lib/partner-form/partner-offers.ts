import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { TranslocoDirective } from '@jsverse/transloco';
import { PartnerAdminApi } from '@wegweiser/client/data-access';
import { PartnerOfferResponse, PartnerResponse } from '@wegweiser/shared/contracts';
import { OfferDialog } from '../offer-dialog/offer-dialog';

/** The offers (Angebote) of a saved partner: add, edit, deactivate / activate. */
@Component({
  selector: 'ww-partner-offers',
  imports: [MatButton, TranslocoDirective],
  template: `
    <ng-container *transloco="let t; prefix: 'partnerAdmin'">
      <section class="offers" aria-labelledby="offers-title">
        <h3 id="offers-title">{{ t('offers.title') }}</h3>
        @if (!partner().offers.length) {
          <p>{{ t('offers.empty') }}</p>
        }
        <ul>
          @for (offer of partner().offers; track offer.id) {
            <li class="offer" [class.offer--inactive]="!offer.active">
              <div class="offer__head">
                <strong dir="auto">{{ offer.title }}</strong>
                <span>{{ t('topics.' + offer.topic) }}</span>
                @if (!offer.active) {
                  <em>{{ t('offers.inactive') }}</em>
                }
              </div>
              @if (offer.description) {
                <p dir="auto">{{ offer.description }}</p>
              }
              <dl>
                @if (offer.languages.length) {
                  <div><dt>{{ t('offers.languages') }}</dt><dd>
                    @for (language of offer.languages; track $index; let last = $last) {
                      <bdi>{{ language }}</bdi>{{ last ? '' : ', ' }}
                    }
                  </dd></div>
                }
                @if (offer.targetGroup) {
                  <div><dt>{{ t('offers.targetGroup') }}</dt><dd dir="auto">{{ offer.targetGroup }}</dd></div>
                }
                @if (offer.accessRoute) {
                  <div><dt>{{ t('offers.accessRoute') }}</dt><dd dir="auto">{{ offer.accessRoute }}</dd></div>
                }
              </dl>
              <div class="offer__actions">
                <button mat-stroked-button type="button" [attr.aria-label]="t('offers.edit', { title: offer.title })" (click)="edit(offer)">
                  {{ t('offers.editShort') }}
                </button>
                <button
                  mat-button
                  type="button"
                  [disabled]="busy()"
                  [attr.aria-label]="t(offer.active ? 'offers.deactivate' : 'offers.activate', { title: offer.title })"
                  (click)="toggle(offer)"
                >
                  {{ offer.active ? t('offers.deactivateShort') : t('offers.activateShort') }}
                </button>
              </div>
            </li>
          }
        </ul>
        <button mat-flat-button type="button" (click)="add()">{{ t('offers.add') }}</button>
        <div role="status">
          @if (saved()) {
            <p>{{ t('offers.saved') }}</p>
          }
        </div>
        <div role="alert" class="error">
          @if (failed()) {
            <p>{{ t('saveFailed') }}</p>
          }
        </div>
      </section>
    </ng-container>
  `,
  styles: `
    .offers {
      margin-top: 2rem;
    }
    ul {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .offer {
      border: 1px solid var(--mat-sys-outline-variant, #c4c7c5);
      border-radius: 8px;
      padding: 0.75rem 1rem;
      overflow-wrap: anywhere;
    }
    .offer__head {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      align-items: baseline;
    }
    dl div {
      display: flex;
      gap: 0.5rem;
    }
    dt {
      font-weight: 500;
    }
    dt::after {
      content: ':';
    }
    dd {
      margin: 0;
    }
    .offer__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
    .error {
      color: var(--mat-sys-error, #b3261e);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerOffers {
  private readonly api = inject(PartnerAdminApi);
  private readonly dialog = inject(MatDialog);

  readonly partner = input.required<PartnerResponse>();
  /** The partner with its offers as they are now. */
  readonly changed = output<PartnerResponse>();
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly failed = signal(false);

  protected add(): void {
    this.open(null);
  }

  protected edit(offer: PartnerOfferResponse): void {
    this.open(offer);
  }

  protected toggle(offer: PartnerOfferResponse): void {
    this.saved.set(false);
    this.failed.set(false);
    this.busy.set(true);
    this.api.updateOffer(offer.partnerId, offer.id, { version: offer.version, active: !offer.active }).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.replace(updated);
      },
      error: () => {
        this.busy.set(false);
        this.failed.set(true);
      },
    });
  }

  private open(offer: PartnerOfferResponse | null): void {
    this.saved.set(false);
    this.failed.set(false);
    OfferDialog.open(this.dialog, { partnerId: this.partner().id, offer }).subscribe((result) => {
      if (result) this.replace(result);
    });
  }

  private replace(offer: PartnerOfferResponse): void {
    const partner = this.partner();
    const others = partner.offers.filter((o) => o.id !== offer.id);
    const offers = [...others, offer].sort((a, b) => a.title.localeCompare(b.title, 'de'));
    this.changed.emit({ ...partner, offers });
    this.saved.set(true);
  }
}
