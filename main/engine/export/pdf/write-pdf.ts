// Writes a PDF atomically: a failed export leaves the previous file as it was.
import { writeFileAtomic } from '../../io/write-atomic.ts';
import type { LayoutPlan } from '../../layout/layout-plan.ts';
import { renderPdf, type PdfOptions } from './render-pdf.ts';

export async function writePdf(path: string, plan: LayoutPlan, options: PdfOptions): Promise<void> {
  await writeFileAtomic(path, await renderPdf(plan, options));
}
