// The exact bytes of the export, for a small hand-made catalog with each built-in template. A change
// in the output fails here on purpose. Once the new output is checked to be right (read it back in
// InDesign when the change touches the syntax), regenerate the files with:
//
//   UPDATE_GOLDENS=1 npx vitest run test/unit/engine/export/tagged-text
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildTaggedText } from '../../../../../main/engine/export/tagged-text/build-tagged-text.ts';
import { encodeTaggedText } from '../../../../../main/engine/export/tagged-text/encode-tagged-text.ts';
import { loadTemplate } from '../../../../../main/engine/templates/load-template.ts';
import { decodeTaggedText, parseTaggedTextFile } from '../../../../support/tagged-text-grammar.ts';
import { smallCatalog } from './small-catalog.ts';

const GOLDEN_DIR = new URL('../../../../golden/tagged-text/', import.meta.url);
const UPDATE = process.env.UPDATE_GOLDENS === '1';

// Each shipped template in French and in English (the English files end in `.en.txt`).
const BUILDS = [
  { lang: 'fr', locale: 'fr-FR', title: 'Quincaillerie Dupont — Tarif 2026', suffix: '' },
  { lang: 'en', locale: 'en-GB', title: 'Dupont Hardware — 2026 Price List', suffix: '.en' },
] as const;

describe.each(
  ['product-grid', 'list-catalog', 'price-list'].flatMap((id) => BUILDS.map((build) => ({ id, ...build }))),
)('tagged-text golden: $id ($lang)', ({ id, lang, locale, title, suffix }) => {
  it('matches the golden file byte for byte', async () => {
    const template = await loadTemplate(id);
    const text = buildTaggedText(smallCatalog(id), template, { locale, lang, title });
    const bytes = encodeTaggedText(text, 'win');
    // A golden that breaks our own grammar is never written.
    parseTaggedTextFile(bytes);

    const path = fileURLToPath(new URL(`${id}${suffix}.txt`, GOLDEN_DIR));
    if (UPDATE) await writeFile(path, bytes);
    if (!existsSync(path)) throw new Error(`no golden ${path}: run with UPDATE_GOLDENS=1 to create it`);
    const golden = new Uint8Array(await readFile(path));
    // The text first, for a readable diff; then the bytes, which are what InDesign reads.
    expect(text).toBe(decodeTaggedText(golden).text);
    expect(Buffer.from(bytes).equals(golden)).toBe(true);
  });
});
