import { FIELDS_OF_ACTION, GOAL_STATES } from '@wegweiser/shared/contracts';
import { goalsChart, managerLoadChart, monthLabel, windowsEndingChart } from './dashboard-charts';
import { sampleDashboard } from './testing';

const label = (key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : key);

describe('dashboard charts', () => {
  const dashboard = sampleDashboard();

  it('draws the load per manager with the target as a line', () => {
    const chart = managerLoadChart(dashboard, label);
    // Isolated (FSI … PDI): canvas text has no <bdi>.
    expect(chart.data.labels).toEqual(['\u2068Julia Neumann\u2069', '\u2068Carla Clausen\u2069']);
    expect(chart.data.datasets.map((d) => [d.type, d.data])).toEqual([
      ['bar', [142, 3]],
      ['line', [150, 150]],
    ]);
    expect(chart.data.datasets[1]?.label).toBe('load.target {"target":150}');
  });

  it('draws one bar per month with the month names of the language', () => {
    const chart = windowsEndingChart(dashboard, label, 'de');
    expect(chart.data.labels).toHaveLength(12);
    expect(chart.data.labels?.[1]).toBe(monthLabel('2026-12', 'de'));
    expect(chart.data.datasets[0]?.data).toEqual(dashboard.windowsEnding.map((w) => w.clients));
    expect(monthLabel('2026-12', 'de')).toMatch(/^Dez.* 2026$/);
    expect(monthLabel('2027-01', 'en')).toBe('Jan 2027');
  });

  it('stacks the goals of each field by state', () => {
    const chart = goalsChart(dashboard, label);
    expect(chart.data.labels).toEqual(FIELDS_OF_ACTION.map((f) => `fieldOfAction.${f}`));
    expect(chart.data.datasets.map((d) => d.label)).toEqual(GOAL_STATES.map((s) => `goalState.${s}`));
    expect(chart.data.datasets[0]?.data[FIELDS_OF_ACTION.indexOf('work')]).toBe(5);
    expect(chart.options?.scales?.['y']).toEqual(expect.objectContaining({ stacked: true }));
  });
});
