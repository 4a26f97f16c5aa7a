import { BarController, BarElement, CategoryScale, ChartConfiguration, ChartComponentLike, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { FIELDS_OF_ACTION, GOAL_STATES, TeamDashboardResponse } from '@wegweiser/shared/contracts';
import { isolate } from '@wegweiser/client/ui';

/** Only what the three charts use (bars, the target line, two scales, tooltip, legend): a small lazy chunk. */
export const CHART_REGISTERABLES: readonly ChartComponentLike[] = [BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend];

/** Translates a key of the `teamDashboard` scope. */
export type Label = (key: string, params?: Record<string, unknown>) => string;

const PRIMARY = '#3f51b5';
const TARGET = '#b00020';
/** One colour per goal state (open … dropped), distinguishable without relying on red/green alone. */
const STATE_COLOURS = ['#1565c0', '#ef6c00', '#2e7d32', '#6a1b9a', '#757575'];

const integerAxis = { beginAtZero: true, ticks: { precision: 0 } };

/** Active clients per manager as bars, the target load as a line across them. */
export function managerLoadChart(dashboard: TeamDashboardResponse, label: Label): ChartConfiguration<'bar' | 'line'> {
  return {
    type: 'bar',
    data: {
      // Canvas text gets no <bdi>: each name isolated, so an Arabic name ending in digits or brackets keeps its shape.
      labels: dashboard.managers.map((m) => isolate(`${m.firstName} ${m.lastName}`)),
      datasets: [
        { type: 'bar', label: label('load.activeClients'), data: dashboard.managers.map((m) => m.activeClients), backgroundColor: PRIMARY },
        {
          type: 'line',
          label: label('load.target', { target: dashboard.targetLoad }),
          data: dashboard.managers.map(() => dashboard.targetLoad),
          borderColor: TARGET,
          backgroundColor: TARGET,
          borderDash: [6, 4],
          pointRadius: 0,
        },
      ],
    },
    options: { responsive: true, maintainAspectRatio: false, scales: { y: integerAxis } },
  };
}

/** Month names for the axis (`YYYY-MM` → "Dez. 2026"). */
export function monthLabel(month: string, locale: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, index - 1, 1)));
}

/** Open cases whose window ends per month; a click on a bar opens the list of that month. */
export function windowsEndingChart(dashboard: TeamDashboardResponse, label: Label, locale: string): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: dashboard.windowsEnding.map((w) => monthLabel(w.month, locale)),
      datasets: [{ label: label('windows.clients'), data: dashboard.windowsEnding.map((w) => w.clients), backgroundColor: PRIMARY }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: integerAxis },
      // One dataset: the title says what the bars are.
      plugins: { legend: { display: false } },
      onHover: (event, active) => hoverCursor(event.native, active.length > 0),
    },
  };
}

/** Goals by field of action, stacked by state. */
export function goalsChart(dashboard: TeamDashboardResponse, label: Label): ChartConfiguration<'bar'> {
  const count = (field: string, state: string) => dashboard.goals.find((g) => g.fieldOfAction === field && g.state === state)?.goals ?? 0;
  return {
    type: 'bar',
    data: {
      labels: FIELDS_OF_ACTION.map((field) => label(`fieldOfAction.${field}`)),
      datasets: GOAL_STATES.map((state, i) => ({ label: label(`goalState.${state}`), data: FIELDS_OF_ACTION.map((field) => count(field, state)), backgroundColor: STATE_COLOURS[i] })),
    },
    options: { responsive: true, maintainAspectRatio: false, scales: { x: { stacked: true }, y: { ...integerAxis, stacked: true } } },
  };
}

/** A pointer over a clickable bar (CSSOM, allowed by the CSP). */
function hoverCursor(native: Event | null, overBar: boolean): void {
  const target = native?.target;
  if (target instanceof HTMLElement) target.style.cursor = overBar ? 'pointer' : 'default';
}
