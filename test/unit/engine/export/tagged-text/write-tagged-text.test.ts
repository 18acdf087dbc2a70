import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTaggedText } from '../../../../../main/engine/export/tagged-text/build-tagged-text.ts';
import { encodeTaggedText } from '../../../../../main/engine/export/tagged-text/encode-tagged-text.ts';
import { writeTaggedText } from '../../../../../main/engine/export/tagged-text/write-tagged-text.ts';
import { loadTemplate } from '../../../../../main/engine/templates/load-template.ts';
import { tempDir } from '../../../../fixtures/workbooks.ts';
import { parseTaggedTextFile } from '../../../../support/tagged-text-grammar.ts';
import { smallCatalog } from './small-catalog.ts';

const dir = tempDir('catalog-tagged-text-');
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('writeTaggedText', () => {
  it('writes the encoded text, creating the folder, in place of a previous file', async () => {
    const template = await loadTemplate('price-list');
    const path = join(dir, 'out', 'tarif.txt');
    const options = { locale: 'fr-FR', lang: 'fr' } as const;
    await writeTaggedText(path, smallCatalog('price-list'), template, { ...options, title: 'Ancien' });
    await writeTaggedText(path, smallCatalog('price-list'), template, options);
    const bytes = new Uint8Array(await readFile(path));
    expect(bytes).toEqual(encodeTaggedText(buildTaggedText(smallCatalog('price-list'), template, options)));
    expect(parseTaggedTextFile(bytes).tables).toHaveLength(2);
  });

  it('writes the Mac variant in UTF-16BE', async () => {
    const path = join(dir, 'mac.txt');
    await writeTaggedText(path, smallCatalog(), await loadTemplate('product-grid'), {
      locale: 'fr-FR',
      lang: 'fr',
      variant: 'mac',
    });
    const bytes = new Uint8Array(await readFile(path));
    expect([...bytes.subarray(0, 2)]).toEqual([0xfe, 0xff]);
    expect(parseTaggedTextFile(bytes).encoding).toBe('UNICODE-MAC');
  });
});
