// One print build of a catalog whose every product has a picture of its own, alone in this process
// (see measure.ts). The picture cache is CATALOG_CACHE_DIR, set by the parent: empty for a first
// build, kept for a rebuild.
//
// Usage (from bench/pictures.ts): node --expose-gc --import tsx bench/pictures-one.ts <products> <photos-dir> <out-dir>
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Catalog } from '../main/engine/model.ts';
import { CATALOG_SHEET, makeLargeCatalog } from './make-large-catalog.ts';
import { describeError, isMain, measure, printReport, type Measurement } from './measure.ts';

export type PicturesReport =
  | ({
      ok: true;
      products: number;
      pages: number;
      pictures: number;
      /** CPU time of the whole process over the build (every thread: libvips's too), user + system. */
      cpuMs: number;
      /** Of the build's time, how long this thread (JavaScript: layout, CMYK table, pdfkit) was busy. */
      mainBusyMs: number;
    } & Measurement)
  | { ok: false; error: string };

/** The benchmark's catalog with product i showing photo i: every picture distinct. */
export function catalogWithPhotos(products: number, photos: string): Catalog {
  const catalog = makeLargeCatalog(products);
  catalog.items.forEach((item, i) => {
    const file = path.join(photos, `photo-${String(i).padStart(5, '0')}.jpg`);
    item.fields.image = { kind: 'image', path: file, name: path.basename(file) };
  });
  return catalog;
}

async function main(): Promise<void> {
  const [products, photos, out] = [Number(process.argv[2]), process.argv[3]!, process.argv[4]!];
  let cpuMs = 0;
  let mainBusyMs = 0;
  try {
    const { outcome, measurement } = await measure(async () => {
      const { writeOutputs } = await import('../main/service/index.ts');
      const { loadTemplate } = await import('../main/engine/templates/load-template.ts');
      const template = await loadTemplate('product-grid');
      const catalog = catalogWithPhotos(products, photos);
      return async () => {
        // On a shared machine the wall time says as much about the neighbours as about us: CPU time
        // and this thread's busy time tell what the build costs.
        const cpu = process.cpuUsage();
        const loop = performance.eventLoopUtilization();
        const outcome = await writeOutputs({
          catalog,
          template,
          sheet: CATALOG_SHEET,
          out,
          baseName: 'pictures',
          formats: ['pdf'],
          mode: 'print',
          textVariant: 'win',
          locale: 'fr-FR',
          lang: 'fr',
          title: 'Photos',
        });
        const used = process.cpuUsage(cpu);
        cpuMs = (used.user + used.system) / 1000;
        mainBusyMs = performance.eventLoopUtilization(loop).active;
        return outcome;
      };
    });
    printReport({
      ok: true,
      products,
      pages: outcome.pages,
      pictures: products,
      cpuMs,
      mainBusyMs,
      ...measurement,
    } satisfies PicturesReport);
  } catch (error) {
    printReport({ ok: false, error: describeError(error) } satisfies PicturesReport);
  }
}

if (isMain(import.meta.url)) await main();
