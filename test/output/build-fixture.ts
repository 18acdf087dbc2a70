// The French sample built through the whole pipeline, as `catalog build --force` does, so output
// tests check what a user gets.
import { parseRequest, PlanRequest, ValidateRequest } from '../../main/api/contract.ts';
import { planSource, validateSource, writeOutputs } from '../../main/service/index.ts';
import type { Catalog } from '../../main/engine/model.ts';
import type { Template } from '../../main/engine/templates/template.ts';

export const FIXED_DATE = new Date('2026-01-05T00:00:00Z');
// The service dates every output from SOURCE_DATE_EPOCH, as a reproducible build does.
process.env.SOURCE_DATE_EPOCH = String(FIXED_DATE.getTime() / 1000);

export async function sampleCatalog(
  templateId: string,
  file = 'samples/quincaillerie-tarif-2026.xlsx',
): Promise<{ catalog: Catalog; template: Template; sheet: string }> {
  // The images folder beside the workbook (samples/images) is found by the service, as for a user.
  const { catalog, template, imported } = await validateSource(
    parseRequest(ValidateRequest, { file, template: templateId }),
  );
  return { catalog, template, sheet: imported.table.sheet };
}

/** The plan the PDF is drawn from, as the service plans it: where each product's reference lands tells which page to search. */
export async function samplePlan(templateId: string) {
  const { validated, plan } = await planSource(
    parseRequest(PlanRequest, {
      file: 'samples/quincaillerie-tarif-2026.xlsx',
      template: templateId,
      lang: 'fr',
    }),
  );
  return { catalog: validated.catalog, template: validated.template, plan };
}

/** The sample's PDF, written into `out` as `baseName`.pdf by the service (French print unless told). */
export async function buildSamplePdf(
  templateId: string,
  out: string,
  baseName: string,
  options: {
    mode?: 'print' | 'screen';
    lang?: 'fr' | 'en';
    locale?: string;
    title?: string;
    marks?: boolean;
    password?: string;
  } = {},
): Promise<string> {
  const { catalog, template, sheet } = await sampleCatalog(templateId);
  const {
    mode = 'print',
    lang = 'fr',
    locale,
    title = 'Quincaillerie Martin — Tarif 2026',
    ...extra
  } = options;
  const result = await writeOutputs({
    catalog,
    template,
    sheet,
    out,
    baseName,
    textVariant: 'win',
    formats: ['pdf'],
    mode,
    locale: locale ?? (lang === 'fr' ? 'fr-FR' : 'en-GB'),
    lang,
    title,
    ...extra,
  });
  return result.files[0]!;
}
