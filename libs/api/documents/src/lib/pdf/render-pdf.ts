import { PdfNode } from './paragraph';
import { pdfMakeFonts } from './fonts';
import { loadPdfMake } from './runtime-modules';

/**
 * Renders a pdfmake document definition with the document fonts. pdfmake is a
 * process-wide singleton; fonts and access policies are set right before
 * `createPdf`, which takes them over synchronously. No URL may be fetched and
 * no local file read except the font files.
 */
export async function renderPdf(docDefinition: PdfNode): Promise<Buffer> {
  const pdfmake = loadPdfMake();
  const fonts = pdfMakeFonts();
  const fontFiles = new Set(
    Object.values(fonts).flatMap((files) => Object.values(files)),
  );
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => fontFiles.has(path));
  // pdfmake's default font (Roboto) is not registered: Noto Sans unless the document says otherwise.
  const defaultStyle = {
    font: 'NotoSans',
    ...(docDefinition['defaultStyle'] as object | undefined),
  };
  return pdfmake.createPdf({ ...docDefinition, defaultStyle }).getBuffer();
}
