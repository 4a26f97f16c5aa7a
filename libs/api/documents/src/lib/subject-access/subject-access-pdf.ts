import { paragraph, PdfNode } from '../pdf/paragraph';
import { renderPdf } from '../pdf/render-pdf';
import { CONTENT_WIDTH, fieldTable, germanDateTime } from './document-blocks';
import { SubjectAccessInput } from './subject-access-input';
import { subjectAccessSections } from './subject-access-sections';

export const SUBJECT_ACCESS_TITLE = 'Auskunft nach Art. 15 DSGVO';

const PAGE_MARGIN = { x: 40, top: 48, bottom: 56 };

/** What the export is and which rights go with it (Art. 15 (1) e–f GDPR), in short. */
export const SUBJECT_ACCESS_LEGAL_TEXT = [
  'Rechtsgrundlage: Art. 15 Datenschutz-Grundverordnung (DSGVO), Recht der betroffenen Person auf Auskunft. ' +
    'Diese Auskunft enthält alle personenbezogenen Daten, die das Integrationsmanagement der genannten Stelle zu Ihrer Person ' +
    'gespeichert hat, und das Protokoll aller Zugriffe auf Ihre Akte.',
  'Zweck der Verarbeitung ist die Beratung und Begleitung im Integrationsmanagement. ' +
    'Sie haben das Recht auf Berichtigung (Art. 16 DSGVO), Löschung (Art. 17 DSGVO) und Einschränkung der Verarbeitung ' +
    '(Art. 18 DSGVO) sowie das Recht auf Beschwerde bei einer Datenschutz-Aufsichtsbehörde (Art. 77 DSGVO).',
];

/** The subject-access export (Art. 15 GDPR) of one client as a PDF. */
export async function renderSubjectAccessPdf(input: SubjectAccessInput): Promise<Buffer> {
  return renderPdf(buildSubjectAccessDocument(input));
}

/** The pdfmake document definition of the export (pure, for tests and reuse). */
export function buildSubjectAccessDocument(input: SubjectAccessInput): PdfNode {
  const name = `${input.client.firstName} ${input.client.lastName}`;
  const original = [input.client.firstNameOriginal, input.client.lastNameOriginal].filter(Boolean).join(' ');
  return {
    pageSize: 'A4',
    pageMargins: [PAGE_MARGIN.x, PAGE_MARGIN.top, PAGE_MARGIN.x, PAGE_MARGIN.bottom],
    info: { title: SUBJECT_ACCESS_TITLE, creator: 'Wegweiser' },
    defaultStyle: { font: 'NotoSans', fontSize: 9, lineHeight: 1.15 },
    content: [
      { text: SUBJECT_ACCESS_TITLE, font: 'NotoSans', fontSize: 18, bold: true, margin: [0, 0, 0, 8] },
      fieldTable([
        ['Stelle', `${input.municipality}, Integrationsmanagement`],
        ['Betroffene Person', original ? `${name} / ${original}` : name],
        ['Fallnummer', input.client.caseNumber],
        ['Erstellt am', `${germanDateTime(input.createdAt)} (deutsche Zeit)`],
      ]),
      ...SUBJECT_ACCESS_LEGAL_TEXT.map((text) => ({ text, font: 'NotoSans', fontSize: 9, margin: [0, 0, 0, 4] })),
      ...subjectAccessSections(input),
    ],
    // A section heading never stays alone at the bottom of a page.
    pageBreakBefore: (node: { headlineLevel?: number }, nodes: { getFollowingNodesOnPage(): unknown[] }) =>
      node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length === 0,
    footer: (page: number, pages: number) => ({
      margin: [PAGE_MARGIN.x, 20, PAGE_MARGIN.x, 0],
      columns: [
        { width: CONTENT_WIDTH - 120, stack: [paragraph(`${SUBJECT_ACCESS_TITLE} · ${input.client.caseNumber}`, { width: CONTENT_WIDTH - 120, fontSize: 8, color: '#444444' })] },
        { width: 120, text: `Seite ${page} von ${pages}`, font: 'NotoSans', fontSize: 8, color: '#444444', alignment: 'right' },
      ],
    }),
  };
}
