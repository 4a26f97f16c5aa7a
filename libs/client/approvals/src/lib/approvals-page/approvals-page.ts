import { DatePipe } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, signal, viewChild, WritableSignal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { PlanReviewsApi, SupportExtensionsApi, isApiErrorResponse } from '@wegweiser/client/data-access';
import { activeLocale, isolate, IsolatePipe, latinName, originalName, UserText } from '@wegweiser/client/ui';
import { PlanReviewListItemResponse, SupportExtensionListItemResponse } from '@wegweiser/shared/contracts';
import { Observable } from 'rxjs';
import { AgreedPlan } from '../agreed-plan/agreed-plan';
import { ListState, QueueKey, extensionKey, loadedItems, monthsBetween, nextAfterDecision, planKey, queueKeys, toggleId } from '../approval-queue';
import { ReturnForm } from '../return-form/return-form';

export { monthsBetween } from '../approval-queue';

type Decision = 'approve' | 'return';

/** 409 codes that mean "someone decided meanwhile": the list is reloaded. */
const DECIDED_CODES = ['staleVersion', 'extensionDecided', 'planReviewNotSubmitted'];

/**
 * Freigaben: the team lead's queue. Each waiting plan shows the agreed
 * version submitted (goals and steps), each extension request its new end
 * and justification; "Freigeben" and "Zurückgeben" (with a required comment)
 * decide right here. After a decision the next waiting item opens and takes
 * the focus. One item is open at a time (the first by default).
 */
@Component({
  selector: 'ww-approvals-page',
  imports: [AgreedPlan, DatePipe, MatButton, MatProgressBar, ReturnForm, RouterLink, TranslocoDirective, IsolatePipe, UserText],
  templateUrl: './approvals-page.html',
  styleUrl: './approvals-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApprovalsPage {
  private readonly plansApi = inject(PlanReviewsApi);
  private readonly extensionsApi = inject(SupportExtensionsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly title = viewChild<ElementRef<HTMLElement>>('title');
  protected readonly locale = activeLocale(this.transloco);

  protected readonly plans = signal<ListState<PlanReviewListItemResponse>>({ status: 'loading' });
  protected readonly extensions = signal<ListState<SupportExtensionListItemResponse>>({ status: 'loading' });
  protected readonly keys = computed(() => queueKeys(this.plans(), this.extensions()));
  /** The item the user opened (undefined: the default, the first one; null: all closed). */
  private readonly chosen = signal<QueueKey | null | undefined>(undefined);
  protected readonly openKey = computed(() => {
    const keys = this.keys();
    const chosen = this.chosen();
    if (chosen === null) return null;
    return chosen !== undefined && keys.includes(chosen) ? chosen : (keys[0] ?? null);
  });
  /** The open item's return form is shown. */
  protected readonly returning = signal(false);
  /** A decision is on its way (buttons disabled meanwhile). */
  protected readonly deciding = signal(false);
  protected readonly summary = computed(() => ({ plans: loadedItems(this.plans()).length, extensions: loadedItems(this.extensions()).length }));
  protected readonly loaded = computed(() => this.plans().status === 'loaded' && this.extensions().status === 'loaded');

  protected readonly latinName = latinName;
  protected readonly originalName = originalName;
  protected readonly monthsBetween = monthsBetween;
  protected readonly planKey = planKey;
  protected readonly extensionKey = extensionKey;
  protected readonly toggleId = toggleId;

  constructor() {
    this.load(this.plans, () => this.plansApi.list('submitted'));
    this.load(this.extensions, () => this.extensionsApi.list('pending'));
  }

  protected toggle(key: QueueKey): void {
    this.chosen.set(this.openKey() === key ? null : key);
    this.returning.set(false);
  }

  protected startReturn(): void {
    this.returning.set(true);
  }

  protected cancelReturn(key: QueueKey): void {
    this.returning.set(false);
    this.focusToggle(key);
  }

  protected decidePlan(item: PlanReviewListItemResponse, decision: Decision, comment = ''): void {
    const call =
      decision === 'approve'
        ? this.plansApi.approve(item.client.id, { version: item.review.version })
        : this.plansApi.returnToManager(item.client.id, { version: item.review.version, comment });
    this.decide(planKey(item), call, `approvals.plans.${decision === 'approve' ? 'approved' : 'returned'}`, latinName(item.client), 'plans');
  }

  protected decideExtension(item: SupportExtensionListItemResponse, decision: Decision, comment = ''): void {
    const body = { version: item.extension.version };
    const call = decision === 'approve' ? this.extensionsApi.approve(item.extension.id, body) : this.extensionsApi.reject(item.extension.id, { ...body, comment });
    this.decide(extensionKey(item), call, `approvals.extensions.${decision === 'approve' ? 'approved' : 'rejected'}`, latinName(item.client), 'extensions');
  }

  private decide(key: QueueKey, call: Observable<unknown>, messageKey: string, name: string, area: 'plans' | 'extensions'): void {
    if (this.deciding()) return;
    this.deciding.set(true);
    const index = this.keys().indexOf(key);
    call.subscribe({
      next: () => {
        this.snackBar.open(this.transloco.translate(messageKey, { name: isolate(name) }), undefined, { duration: 4000 });
        this.reloadAndOpenNext(area, index);
      },
      error: (error: unknown) => {
        const code = error instanceof HttpErrorResponse && isApiErrorResponse(error.error) ? error.error.code : '';
        const known = DECIDED_CODES.includes(code);
        this.snackBar.open(this.transloco.translate(`approvals.${area}.failure.${known ? 'decided' : 'other'}`), undefined, { duration: 6000 });
        if (known) this.reloadAndOpenNext(area, index);
        else this.deciding.set(false);
      },
    });
  }

  /** Reloads the list decided in, then opens the item that took the decided one's place and focuses it. */
  private reloadAndOpenNext(area: 'plans' | 'extensions', index: number): void {
    const done = () => {
      this.deciding.set(false);
      this.returning.set(false);
      const next = nextAfterDecision(this.keys(), index);
      this.chosen.set(next);
      if (next) this.focusToggle(next);
      else afterNextRender(() => this.title()?.nativeElement.focus(), { injector: this.injector });
    };
    if (area === 'plans') this.load(this.plans, () => this.plansApi.list('submitted'), done);
    else this.load(this.extensions, () => this.extensionsApi.list('pending'), done);
  }

  private focusToggle(key: QueueKey): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`#${toggleId(key)}`)?.focus(), { injector: this.injector });
  }

  private load<T>(state: WritableSignal<ListState<T>>, source: () => Observable<T[]>, then?: () => void): void {
    source().subscribe({
      next: (items) => {
        state.set({ status: 'loaded', items });
        then?.();
      },
      error: () => {
        state.set({ status: 'failed' });
        then?.();
      },
    });
  }
}
