import {
  barChart,
  chartAltText,
  legendShapes,
  lineChart,
  type ChartData,
  type ChartShape,
} from './report-charts';

describe('report charts (shapes)', () => {
  const data: ChartData = {
    title: 'Test',
    categories: ['2024-Q1', '2024-Q2', '2024-Q3'],
    series: [
      {
        label: 'B1',
        color: '#123456',
        values: [40, null, 60],
        text: ['40,0 %', '·', '60,0 %'],
      },
    ],
    yAxisLabel: 'Anteil in %',
    tableIds: [],
  };
  const texts = (shapes: readonly ChartShape[]) =>
    shapes.flatMap((s) => (s.type === 'text' ? [s.text] : []));

  it('draws a bar per published value and leaves a suppressed one as a gap marked "·"', () => {
    const { shapes } = barChart(data, 400, 150);
    const bars = shapes.filter(
      (s) => s.type === 'rect' && s.color === '#123456' && s.w > 10,
    );
    expect(bars).toHaveLength(2);
    // 40 % and 60 % of a 118 pt high plot area
    expect(bars.map((b) => (b.type === 'rect' ? Math.round(b.h) : 0))).toEqual([
      47, 71,
    ]);
    expect(texts(shapes)).toEqual(
      expect.arrayContaining(['·', '40,0 %', '60,0 %', '2024-Q2']),
    );
  });

  it('breaks the line at a suppressed point', () => {
    const polylines = (d: ChartData) =>
      lineChart(d, 400, 150).shapes.filter((s) => s.type === 'polyline');
    expect(polylines(data)).toHaveLength(0);
    const full = polylines({
      ...data,
      series: [{ ...data.series[0], values: [40, 50, 60] }],
    });
    expect(full).toHaveLength(1);
    expect(full[0].type === 'polyline' && full[0].points.length).toBe(3);
  });

  it('puts a legend entry (colour and name) per series', () => {
    const legend = legendShapes(data.series, 150, (text) => text.length * 4);
    expect(legend).toEqual([
      expect.objectContaining({ type: 'rect', color: '#123456' }),
      expect.objectContaining({ type: 'text', text: 'B1' }),
    ]);
  });

  it('states every value in the alternative text, "·" as "nicht ausgewiesen"', () => {
    expect(chartAltText(data, 'bar', 'Siehe Tabelle „T“.')).toBe(
      'Säulendiagramm: Test. Anteil in %. 2024-Q1: B1 40,0 %; 2024-Q2: B1 nicht ausgewiesen; 2024-Q3: B1 60,0 %. Siehe Tabelle „T“.',
    );
  });
});
