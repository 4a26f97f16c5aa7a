import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { TeamDashboardApi } from '@wegweiser/client/data-access';
import { activeLocale } from '@wegweiser/client/ui';
import { FIELDS_OF_ACTION, GOAL_STATES, TEAM_DASHBOARD_LIMITS, TeamDashboardResponse } from '@wegweiser/shared/contracts';
import { BaseChartDirective } from 'ng2-charts';
import { Subject, catchError, debounceTime, distinctUntilChanged, filter, map, merge, of, startWith, switchMap, tap } from 'rxjs';
import { goalsChart, Label, managerLoadChart, windowsEndingChart } from '../dashboard-charts';
import { CASELOAD_PATH, dashboardLinks } from '../dashboard-links';

type LoadState = 'loading' | 'loaded' | 'failed';

/** Wait this long after the last change of the weeks before asking again. */
export const WEEKS_DEBOUNCE_MS = 400;

/**
 * "Team-Übersicht": the team lead's figures as charts and cards. Every figure
 * links to the caseload filtered to the clients behind it; every chart's
 * numbers are also a table (with the same links) for keyboard and screen
 * reader users. A click on a month of "windows ending" opens that month.
 */
@Component({
  selector: 'ww-team-dashboard-page',
  imports: [DatePipe, DecimalPipe, ReactiveFormsModule, RouterLink, MatButton, MatFormFieldModule, MatInput, MatProgressBar, TranslocoDirective, BaseChartDirective],
  templateUrl: './team-dashboard-page.html',
  styleUrl: './team-dashboard-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamDashboardPage {
  private readonly api = inject(TeamDashboardApi);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  /** Ask again: `true` to have the figures computed now ("Aktualisieren"), `false` after a failure. */
  private readonly reloads = new Subject<boolean>();

  protected readonly locale = activeLocale(this.transloco);
  protected readonly caseload = CASELOAD_PATH;
  protected readonly links = dashboardLinks;
  protected readonly fields = FIELDS_OF_ACTION;
  protected readonly goalStates = GOAL_STATES;
  protected readonly weeksMax = TEAM_DASHBOARD_LIMITS.noContactWeeksMax;
  protected readonly weeks = new FormControl<number>(TEAM_DASHBOARD_LIMITS.noContactWeeksDefault, {
    nonNullable: true,
    validators: [Validators.required, Validators.min(1), Validators.max(TEAM_DASHBOARD_LIMITS.noContactWeeksMax), Validators.pattern(/^\d+$/)],
  });

  protected readonly state = signal<LoadState>('loading');
  protected readonly dashboard = signal<TeamDashboardResponse | null>(null);

  /** The scope's texts for the active language (charts are drawn in code, not in the template). */
  private readonly texts = toSignal(this.transloco.langChanges$.pipe(switchMap((lang) => this.transloco.selectTranslation(`team-dashboard/${lang}`))));
  private readonly label = computed<Label>(() => {
    this.texts();
    return (key, params) => this.transloco.translate(`teamDashboard.${key}`, params);
  });

  protected readonly loadChart = computed(() => {
    const dashboard = this.dashboard();
    return dashboard && managerLoadChart(dashboard, this.label());
  });
  protected readonly windowsChart = computed(() => {
    const dashboard = this.dashboard();
    return dashboard && windowsEndingChart(dashboard, this.label(), this.locale());
  });
  protected readonly goalChart = computed(() => {
    const dashboard = this.dashboard();
    return dashboard && goalsChart(dashboard, this.label());
  });
  /** Goal counts by field and state, for the table. */
  protected readonly goalCell = computed(() => {
    const cells = new Map((this.dashboard()?.goals ?? []).map((g) => [`${g.fieldOfAction}/${g.state}`, g]));
    return (field: string, state: string) => cells.get(`${field}/${state}`);
  });

  constructor() {
    const weeks$ = this.weeks.valueChanges.pipe(
      debounceTime(WEEKS_DEBOUNCE_MS),
      filter(() => this.weeks.valid),
      map((weeks) => Number(weeks)),
      startWith(this.weeks.value),
      distinctUntilChanged(),
    );
    merge(
      weeks$.pipe(map((noContactWeeks) => ({ noContactWeeks, refresh: false }))),
      this.reloads.pipe(map((refresh) => ({ noContactWeeks: Number(this.weeks.value), refresh }))),
    )
      .pipe(
        tap(() => this.state.set('loading')),
        switchMap((query) => this.api.get(query).pipe(catchError(() => of(null)))),
        takeUntilDestroyed(),
      )
      .subscribe((dashboard) => {
        if (!dashboard) {
          this.state.set('failed');
          return;
        }
        this.dashboard.set(dashboard);
        this.state.set('loaded');
      });
  }

  protected retry(): void {
    this.reloads.next(false);
  }

  /** "Aktualisieren": the figures are kept up to a minute; this computes them now. */
  protected refresh(): void {
    this.reloads.next(true);
  }

  /** A click on a bar of "windows ending" opens the caseload of that month. */
  protected openMonth(active: object[] | undefined): void {
    const index = (active?.[0] as { index?: number } | undefined)?.index;
    const month = index === undefined ? undefined : this.dashboard()?.windowsEnding[index];
    if (month) void this.router.navigate([CASELOAD_PATH], { queryParams: dashboardLinks.windowMonth(month) });
  }
}
