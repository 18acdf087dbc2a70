// A catalog's PDF written page by page: each body page is laid out, set aside on disk (page-spill.ts)
// until the page count for the folios is known, then read back, preflighted and drawn straight into
// the file. The plan is never whole in memory and neither is the PDF, so a 100,000-product price list
// costs about what a 1,000-product one does. The same pages and bytes as planCatalog + renderPdf.
import type { Catalog, Issue } from '../model.ts';
import type { Template } from '../templates/template.ts';
import { openFileSink } from '../io/file-sink.ts';
import { layoutCatalogPages } from '../layout/layout-catalog.ts';
import type { ImageBox, ImageSource, PlanPage } from '../layout/layout-plan.ts';
import { preflighter } from '../preflight/preflight.ts';
import { PageSpill } from './pdf/page-spill.ts';
import { prepareImages } from './pdf/prepare-images.ts';
import { drawPdf, type PdfOptions } from './pdf/render-pdf.ts';
import { proofMarks, type ProofErrors } from './proof.ts';
import { layoutInput, preflightOptions, type PlanOptions } from './plan-catalog.ts';

export type BuiltPdf = { issues: Issue[]; pages: number };

export async function buildPdf(
  path: string,
  catalog: Catalog,
  template: Template,
  options: PlanOptions &
    Omit<PdfOptions, 'mode' | 'fonts' | 'signal' | 'onProgress' | 'proof'> & {
      /** Where laid-out pages wait to be drawn: the output set's scratch folder; the system's temp when absent. */
      scratchDir?: string;
      /** A proof's validation errors: every page says so and frames the products that have them. */
      proof?: ProofErrors;
    },
): Promise<BuiltPdf> {
  const input = await layoutInput(catalog, template, options);
  const spill = new PageSpill(options.scratchDir);
  try {
    // Every picture and the largest size it is placed at, gathered as pages go by: the pictures are
    // converted before the first page is drawn, and the pages are on disk by then.
    const placed = new Map<ImageSource, ImageBox>();
    const notePictures = (page: PlanPage) => {
      for (const box of page.boxes) {
        if (box.kind !== 'image' || !box.source) continue;
        const seen = placed.get(box.source);
        const width = Math.max(seen?.placed.width ?? 0, box.placed.width);
        const height = Math.max(seen?.placed.height ?? 0, box.placed.height);
        placed.set(box.source, { ...box, placed: { ...box.placed, width, height } });
      }
    };
    const laidOut = layoutCatalogPages(catalog, input.template, input.options, (page) => {
      notePictures(page);
      spill.push(page);
    });
    for (const page of [...laidOut.front, ...laidOut.back]) notePictures(page);

    options.onProgress?.({ stage: 'pdf', done: 0, total: laidOut.total });
    const images = await prepareImages({ pages: [{ boxes: [...placed.values()] }] }, options.mode, {
      signal: options.signal,
      cacheDir: options.imageCache,
    });
    const check = preflighter(
      laidOut.frame.safe,
      preflightOptions(template, options),
      laidOut.frame.safeLeft,
    );
    function* pages(): Generator<PlanPage> {
      for (const page of laidOut.front) yield checked(page);
      for (const page of spill.pages()) {
        laidOut.finishBody(page);
        yield checked(page);
      }
      for (const page of laidOut.back) yield checked(page);
    }
    const checked = (page: PlanPage) => {
      check.page(page);
      return page;
    };

    const file = openFileSink(path);
    try {
      // PlanOptions' `lang` is the words' language ('fr'); the PDF's is the locale's tag (`fr-FR`).
      const { proof, ...rest } = options;
      const pdf: PdfOptions = {
        ...rest,
        lang: options.locale,
        ...(proof ? { proof: proofMarks(proof, catalog, template, options.lang, options.locale) } : {}),
      };
      await drawPdf(laidOut.frame, pages(), laidOut.total, images, pdf, (chunk) => file.write(chunk));
      file.close();
    } catch (error) {
      file.discard();
      throw error;
    }
    return { issues: check.end(), pages: laidOut.total };
  } finally {
    spill.close();
  }
}
