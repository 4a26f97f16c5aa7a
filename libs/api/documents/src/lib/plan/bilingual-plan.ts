import { isolate, TextDirection } from '../pdf/bidi-text';
import { paragraph, PdfContent, PdfNode } from '../pdf/paragraph';
import { renderPdf } from '../pdf/render-pdf';
import {
  CLIENT_PLAN_LABELS,
  GERMAN_PLAN_LABELS,
  PlanDocumentLanguage,
  PlanLabels,
  RIGHT_TO_LEFT_LANGUAGES,
} from './plan-labels';

/** A text as the German column shows it, and optionally as the client's column shows it (else the same). */
export interface BilingualText {
  de: string;
  client?: string;
}

export interface BilingualPlanGoal {
  /** The field of action (Handlungsfeld) as a label. */
  field: BilingualText;
  /** The goal as entered. */
  target: string;
  /** `YYYY-MM-DD`. */
  dueOn: string;
  /** Step descriptions as entered. */
  steps: string[];
}

export interface BilingualPlanInput {
  language: PlanDocumentLanguage;
  /** The name in Latin script, and in the client's own script if there is one. */
  clientName: { latin: string; native?: string };
  caseNumber: string;
  /** `YYYY-MM-DD`. */
  agreedOn: string;
  goals: BilingualPlanGoal[];
}

const PAGE_MARGIN = { x: 40, top: 48, bottom: 56 };
const CELL_PADDING = 6;
/** A4 (595.28 pt) less the page margins, the cell paddings and the middle rule, in two equal columns. */
const COLUMN_WIDTH = 245;
const MUTED = '#444444';

interface Column {
  labels: PlanLabels;
  direction: TextDirection;
}

/** The integration plan for signing: German on the left, the client's language on the right. */
export async function renderBilingualPlanPdf(
  input: BilingualPlanInput,
): Promise<Buffer> {
  return renderPdf(buildBilingualPlanDocument(input));
}

/** The pdfmake document definition of the bilingual plan (pure, for tests and reuse). */
export function buildBilingualPlanDocument(input: BilingualPlanInput): PdfNode {
  const german: Column = { labels: GERMAN_PLAN_LABELS, direction: 'ltr' };
  const client: Column = {
    labels: CLIENT_PLAN_LABELS[input.language],
    direction: RIGHT_TO_LEFT_LANGUAGES.includes(input.language) ? 'rtl' : 'ltr',
  };
  const row = (
    build: (column: Column, side: 'de' | 'client') => PdfContent[],
  ) => [{ stack: build(german, 'de') }, { stack: build(client, 'client') }];
  const text = (
    value: string,
    column: Column,
    extra: Partial<Parameters<typeof paragraph>[1]> = {},
  ) =>
    paragraph(value, {
      width: COLUMN_WIDTH,
      fontSize: 10,
      direction: column.direction,
      ...extra,
    });
  const labelled = (label: string, value: string, column: Column) => [
    text(label, column, { fontSize: 8, bold: true, color: MUTED }),
    text(value, column, { margin: [0, 0, 0, 2], alignToColumn: true }),
  ];

  const body: PdfContent[][] = [
    row((column) => [
      text(column.labels.title, column, {
        fontSize: 16,
        bold: true,
        margin: [0, 0, 0, 4],
      }),
    ]),
    row((column, side) => [
      ...labelled(
        column.labels.name,
        side === 'client'
          ? (input.clientName.native ?? input.clientName.latin)
          : input.clientName.latin,
        column,
      ),
      ...labelled(column.labels.caseNumber, input.caseNumber, column),
      ...labelled(column.labels.agreedOn, formatDate(input.agreedOn), column),
    ]),
    ...input.goals.map((goal, index) =>
      row((column, side) => [
        text(
          `${column.labels.goal} ${index + 1} · ${side === 'client' ? (goal.field.client ?? goal.field.de) : goal.field.de}`,
          column,
          {
            bold: true,
            margin: [0, 4, 0, 2],
          },
        ),
        text(goal.target, column, { margin: [0, 0, 0, 2] }),
        text(`${column.labels.dueOn}: ${formatDate(goal.dueOn)}`, column, {
          margin: [0, 0, 0, 2],
          alignToColumn: true,
        }),
        ...(goal.steps.length
          ? [
              text(column.labels.steps, column, {
                fontSize: 8,
                bold: true,
                color: MUTED,
              }),
              ...goal.steps.map((step) =>
                text(`• ${isolate(step)}`, column, { fontSize: 9 }),
              ),
            ]
          : []),
      ]),
    ),
  ];

  return {
    pageSize: 'A4',
    pageMargins: [
      PAGE_MARGIN.x,
      PAGE_MARGIN.top,
      PAGE_MARGIN.x,
      PAGE_MARGIN.bottom,
    ],
    info: { title: GERMAN_PLAN_LABELS.title, creator: 'Wegweiser' },
    defaultStyle: { font: 'NotoSans', fontSize: 10, lineHeight: 1.15 },
    content: [
      {
        table: { headerRows: 1, widths: [COLUMN_WIDTH, COLUMN_WIDTH], body },
        layout: {
          hLineWidth: (line: number, node: { table: { body: unknown[] } }) =>
            line === 0 || line === node.table.body.length ? 0 : 0.5,
          vLineWidth: (line: number) => (line === 1 ? 0.5 : 0),
          hLineColor: () => '#999999',
          vLineColor: () => '#999999',
          paddingLeft: () => CELL_PADDING,
          paddingRight: () => CELL_PADDING,
          paddingTop: () => 4,
          paddingBottom: () => 4,
        },
      },
      signatures(german, client),
    ],
    footer: (page: number, pages: number) => ({
      margin: [
        PAGE_MARGIN.x + CELL_PADDING,
        20,
        PAGE_MARGIN.x + CELL_PADDING,
        0,
      ],
      columnGap: 2 * CELL_PADDING,
      columns: [german, client].map((column) => ({
        width: COLUMN_WIDTH,
        stack: [
          paragraph(
            column.labels.page
              .replace('{page}', String(page))
              .replace('{pages}', String(pages)),
            {
              width: COLUMN_WIDTH,
              fontSize: 8,
              direction: column.direction,
              color: MUTED,
            },
          ),
        ],
      })),
    }),
  };
}

/** Two signature blocks (place and date, signature) for the client and the integration manager. */
function signatures(german: Column, client: Column): PdfNode {
  const block = (label: (labels: PlanLabels) => string) => ({
    width: COLUMN_WIDTH,
    stack: [
      {
        canvas: [
          {
            type: 'line',
            x1: 0,
            y1: 0,
            x2: COLUMN_WIDTH,
            y2: 0,
            lineWidth: 0.7,
          },
        ],
        margin: [0, 36, 0, 2],
      },
      paragraph(label(german.labels), {
        width: COLUMN_WIDTH,
        fontSize: 8,
        direction: german.direction,
      }),
      paragraph(label(client.labels), {
        width: COLUMN_WIDTH,
        fontSize: 8,
        direction: client.direction,
      }),
    ],
  });
  const signatureRow = (signature: (labels: PlanLabels) => string) => ({
    columns: [block((labels) => labels.placeDate), block(signature)],
    columnGap: 2 * CELL_PADDING,
  });
  return {
    unbreakable: true,
    margin: [CELL_PADDING, 12, CELL_PADDING, 0],
    stack: [
      signatureRow((labels) => labels.signatureClient),
      signatureRow((labels) => labels.signatureManager),
    ],
  };
}

/** `YYYY-MM-DD` as `DD.MM.YYYY` (digits stay left to right in every language). */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`Expected a date YYYY-MM-DD, got "${isoDate}"`);
  return `${match[3]}.${match[2]}.${match[1]}`;
}
