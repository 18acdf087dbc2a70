// Small PDFs made with pdfkit inside the tests, so the toolbox is checked against what our exporter
// actually writes (pdfkit's own choices, such as `cs`/`scn` instead of `rg`, included).
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';

export const INTER = resolve(import.meta.dirname, '../../../templates/fonts/Inter-Regular.ttf');

/** Fixed so pdfinfo's answer is known and two runs give the same bytes. */
export const CREATION_DATE = new Date(Date.UTC(2026, 0, 15, 9, 30, 0));

export async function writePdf(
  path: string,
  options: PDFKit.PDFDocumentOptions,
  draw: (doc: PDFKit.PDFDocument) => void,
): Promise<Buffer> {
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((done, fail) => {
    doc.on('end', () => done());
    doc.on('error', fail);
  });
  draw(doc);
  doc.end();
  await ended;
  const bytes = Buffer.concat(chunks);
  await writeFile(path, bytes);
  return bytes;
}

export const rgbJpeg = (width: number, height: number): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .toBuffer();

export const cmykJpeg = (width: number, height: number): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 40, b: 200 } } })
    .toColourspace('cmyk')
    .jpeg()
    .toBuffer();

// pdfkit has these at run time; @types/pdfkit 0.17 does not declare them.
interface PdfkitInternals {
  addSpotColor(name: string, c: number, m: number, y: number, k: number): unknown;
  _root: { data: Record<string, unknown> };
}
export const internals = (doc: PDFKit.PDFDocument): PDFKit.PDFDocument & PdfkitInternals =>
  doc as PDFKit.PDFDocument & PdfkitInternals;

/** A page dictionary entry pdfkit has no option for (TrimBox, BleedBox…). */
export function setPageEntry(doc: PDFKit.PDFDocument, key: string, value: unknown): void {
  Object.assign(doc.page.dictionary.data, { [key]: value });
}
