// The real-world corpus (test/fixtures/real-world/) mapped as a person would map it: each workbook's
// currency, tax basis and VAT rate as the expected file says, and no build of it printing a price
// with VAT nobody can compute, nor a currency the sheet does not use (read back with pdftotext and
// from the tagged text).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputs } from '../../main/service/index.ts';
import { importWorkbook } from '../../main/engine/import/import-workbook.ts';
import type { Mapping } from '../../main/engine/mapping/mapping-schema.ts';
import type { SourceTable } from '../../main/engine/model.ts';
import { templateWantsTtc } from '../../main/engine/money/decide-money.ts';
import { vatRateOf } from '../../main/engine/money/vat-rate.ts';
import { loadTemplate } from '../../main/engine/templates/load-template.ts';
import { validateCatalog } from '../../main/engine/validate/validate.ts';
import { EXPECTED, type Expected } from '../fixtures/real-world/expected.ts';
import { tempDir } from '../fixtures/workbooks.ts';
import { pdfText } from '../support/pdf-tools.ts';
import { decodeTaggedText } from '../support/tagged-text-grammar.ts';
import './build-fixture.ts'; // fixes the outputs' date (SOURCE_DATE_EPOCH)

const CORPUS = 'test/fixtures/real-world';
const SIGNS: Record<string, RegExp> = { EUR: /€/, GBP: /£/, USD: /\$/, PLN: /zł/, INR: /₹/, VND: /₫/ };

/** The person's mapping (field → column letter) as a profile naming each column by its header. */
function mappingOf(expected: Expected, table: SourceTable): Mapping {
  const fields = Object.fromEntries(
    Object.entries(expected.mapping!).map(([field, letter]) => {
      const column = table.columns.find((c) => c.letter === letter)!;
      return [field, { columns: [{ header: column.header, letter }], separator: ' ', transforms: [] }];
    }),
  );
  return { version: 1, template: expected.template!, sheet: table.sheet, fields };
}

const built = EXPECTED.filter((e) => e.template && e.mapping);

describe.each(built.map((e) => [e.file, e] as const))('%s', (_file, expected) => {
  it('has the currency, tax basis and VAT rate a person reads, and prints nothing invented', async () => {
    const template = await loadTemplate(expected.template!);
    const { table } = await importWorkbook(join(CORPUS, expected.file), {
      ...(expected.sheet ? { sheet: expected.sheet } : {}),
    });
    const { catalog, issues } = validateCatalog(table, template, mappingOf(expected, table));
    const money = catalog.money!;
    expect(money.currency.code ?? null, money.currency.evidence.en).toBe(expected.currency);
    const main = money.columns.find((c) => c.field === 'price') ?? money.columns[0]!;
    expect(main.basis.basis, main.basis.evidence.en).toBe(expected.taxBasis);
    const first = catalog.items.find((i) => i.fields.price || i.fields.priceTtc)!;
    expect(vatRateOf(first, money.vat) ?? null, money.vat.evidence.en).toBe(expected.vatRate);

    const out = tempDir('catalog-corpus-');
    const result = await writeOutputs({
      catalog,
      template,
      sheet: table.sheet,
      out: out,
      baseName: 'corpus',
      textVariant: 'win',
      formats: ['pdf', 'tagged-text'],
      mode: 'print',
      locale: 'fr-FR',
      lang: 'fr',
      title: expected.file,
    });
    const pdf = await pdfText(result.files[0]!);
    const tagged = decodeTaggedText(new Uint8Array(await readFile(result.files[1]!))).text;
    const printed = `${pdf}\n${tagged}`;
    // A price with VAT is printed only when the sheet has one or a rate is known.
    const ttcKnown = expected.taxBasis === 'incl' || expected.vatRate !== null;
    if (!ttcKnown) {
      expect(printed).not.toMatch(/\bTTC\b/);
      // …and a template that asks for one is told why it is missing.
      if (templateWantsTtc(template)) expect(issues.map((i) => i.code)).toContain('VAT_RATE_UNKNOWN');
    }
    // Only the sheet's currency sign, and none when the sheet gives none.
    for (const [code, sign] of Object.entries(SIGNS))
      if (code !== expected.currency) expect(printed, `${code} in ${expected.file}`).not.toMatch(sign);
    if (expected.currency && SIGNS[expected.currency]) expect(pdf).toMatch(SIGNS[expected.currency]!);
  }, 30_000);
});
