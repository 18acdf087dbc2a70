// Colours as pdfkit draws them: CMYK arrays (0–100) in print, so pdfkit writes `k`/`K`-style CMYK
// operators and never `rg`; RGB in screen PDFs, by the naive formula (a screen preview, not proofing).
import type { Cmyk } from '../../templates/layout-schema.ts';
import type { PdfMode } from './prepare-images.ts';

export type PdfColour = [number, number, number, number] | [number, number, number];

export function pdfColour(cmyk: Cmyk, mode: PdfMode): PdfColour {
  if (mode === 'print') return [...cmyk];
  const [c, m, y, k] = cmyk.map((v) => v / 100) as [number, number, number, number];
  return [255 * (1 - c) * (1 - k), 255 * (1 - m) * (1 - k), 255 * (1 - y) * (1 - k)].map(
    Math.round,
  ) as PdfColour;
}
