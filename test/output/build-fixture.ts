// The French sample built through the whole pipeline, as `catalog build --force` does, so output
// tests check what a user gets.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { importWorkbook } from '../../main/engine/import/import-workbook.ts';
import { suggestMapping } from '../../main/engine/mapping/suggest-mapping.ts';
import { validateCatalog } from '../../main/engine/validate/validate.ts';
import { loadTemplate } from '../../main/engine/templates/load-template.ts';
import { collectImages } from '../../main/engine/layout/collect-images.ts';
import { layoutCatalog } from '../../main/engine/layout/layout-catalog.ts';
import type { Catalog } from '../../main/engine/model.ts';
import type { Template } from '../../main/engine/templates/template.ts';

export const FIXED_DATE = new Date('2026-01-05T00:00:00Z');
const IMAGES = resolve('samples/images');

export async function sampleCatalog(
  templateId: string,
  file = 'samples/quincaillerie-tarif-2026.xlsx',
): Promise<{ catalog: Catalog; template: Template; sheet: string }> {
  const template = await loadTemplate(templateId);
  const { table } = await importWorkbook(file);
  const { catalog } = validateCatalog(table, template, suggestMapping(table, template).mapping, {
    images: { dir: IMAGES, files: readdirSync(IMAGES) },
  });
  return { catalog, template, sheet: table.sheet };
}

/** The plan the PDF is drawn from: where each product's reference lands tells which page to search. */
export async function samplePlan(templateId: string) {
  const { catalog, template } = await sampleCatalog(templateId);
  const plan = layoutCatalog(catalog, template, {
    locale: 'fr-FR',
    lang: 'fr',
    title: 'Quincaillerie Martin — Tarif 2026',
    date: '5 janvier 2026',
    image: await collectImages(catalog, template.layout?.image?.field),
  });
  return { catalog, template, plan };
}
