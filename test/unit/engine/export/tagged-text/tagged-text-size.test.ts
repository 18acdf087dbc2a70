// The price list of the benchmark (bench/make-large-catalog.ts), 10,000 products: its tagged text was
// 21 MiB while every cell repeated its insets, fill and alignment; with the table and cell styles it
// must stay at least four times smaller. Bytes, not time: the figure is deterministic.
import { describe, expect, it } from 'vitest';
import { makeLargeCatalog } from '../../../../../bench/make-large-catalog.ts';
import { taggedTextChunks } from '../../../../../main/engine/export/tagged-text/build-tagged-text.ts';
import { encodeTaggedTextChunks } from '../../../../../main/engine/export/tagged-text/encode-tagged-text.ts';
import { loadTemplate } from '../../../../../main/engine/templates/load-template.ts';

const MiB = 1024 * 1024;

describe('tagged text: the size of a 10,000-product price list', () => {
  it('is at least 4× smaller than the 21 MiB of cells with their own attributes', async () => {
    const template = await loadTemplate('price-list');
    const chunks = taggedTextChunks(makeLargeCatalog(10_000), template, { locale: 'fr-FR', lang: 'fr' });
    let bytes = 0;
    for (const piece of encodeTaggedTextChunks(chunks)) bytes += piece.length;
    expect(bytes).toBeLessThan((21 * MiB) / 4);
  });
});
