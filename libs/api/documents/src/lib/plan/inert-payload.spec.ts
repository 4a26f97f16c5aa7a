import { pdfText } from '@wegweiser/shared/pdf-testing';
import { renderBilingualPlanPdf } from './bilingual-plan';

/**
 * Script and spreadsheet-formula payloads typed into a goal are data: pdfmake
 * draws them as text, so the printed plan shows them verbatim and runs
 * nothing (a PDF has no HTML to inject into).
 */
const SCRIPT = '<script>alert(1)</script>';
const FORMULA = "=cmd|'/c calc'!A0";

describe('plan PDF with injection payloads', () => {
  it('prints a <script> goal and a formula step as literal text', async () => {
    const pdf = await renderBilingualPlanPdf({
      language: 'uk',
      clientName: { latin: 'Testperson Drei' },
      caseNumber: 'WW-2026-0044',
      agreedOn: '2026-03-02',
      goals: [
        {
          field: { de: 'Arbeit', client: 'Робота' },
          target: SCRIPT,
          dueOn: '2026-06-15',
          steps: [FORMULA],
        },
      ],
    });
    const text = pdfText(pdf);

    // Both columns (German and the client's) print the goal as entered.
    expect(text.split(SCRIPT).length - 1).toBe(2);
    expect(text.split(FORMULA).length - 1).toBe(2);
    // No JavaScript action or embedded script object in the file.
    expect(pdf.toString('latin1')).not.toMatch(
      /\/JavaScript|\/JS\s|\/OpenAction/,
    );
  });
});
