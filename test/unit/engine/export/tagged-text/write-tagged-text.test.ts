import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTaggedText } from '../../../../../main/engine/export/tagged-text/build-tagged-text.ts';
import { encodeTaggedText } from '../../../../../main/engine/export/tagged-text/encode-tagged-text.ts';
import { writeTaggedText } from '../../../../../main/engine/export/tagged-text/write-tagged-text.ts';
import { loadTemplate } from '../../../../../main/engine/templates/load-template.ts';
import { makeLargeCatalog } from '../../../../../bench/make-large-catalog.ts';
import { CANCELLED } from '../../../../../main/engine/cancelled.ts';
import { rejection } from '../../../../fixtures/catalog-error.ts';
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

  it('cancelled halfway through a file of several megabytes, leaves the previous file and nothing else', async () => {
    const folder = join(dir, 'cancelled');
    const path = join(folder, 'tarif.txt');
    const template = await loadTemplate('price-list');
    const options = { locale: 'fr-FR', lang: 'fr' } as const;
    await writeTaggedText(path, smallCatalog('price-list'), template, options);
    const previous = await readFile(path);

    const controller = new AbortController();
    const catalog = makeLargeCatalog(3000);
    let reported = 0;
    const error = await rejection(
      writeTaggedText(path, catalog, template, {
        ...options,
        signal: controller.signal,
        onProgress: ({ done }) => {
          reported = done;
          // Past the first megabyte pieces (about 2 KB a product): the temp file has been written to.
          if (done >= 2000) controller.abort();
        },
      }),
    );
    expect(error.code).toBe(CANCELLED);
    expect(reported).toBeGreaterThanOrEqual(2000);
    expect(reported).toBeLessThan(3000);
    expect(await readdir(folder)).toEqual(['tarif.txt']);
    expect((await readFile(path)).equals(previous)).toBe(true);
  });

  it('a template error is thrown before any file is made', async () => {
    const folder = join(dir, 'refused');
    const grid = await loadTemplate('product-grid');
    // A slot in a paragraph style the template does not define.
    const template = { ...grid, layout: { ...grid.layout!, slots: [{ field: 'name', style: 'bandeau' }] } };
    const error = await rejection(
      writeTaggedText(join(folder, 'tarif.txt'), smallCatalog(), template, { locale: 'fr-FR', lang: 'fr' }),
    );
    expect(error.code).toBe('TEMPLATE_STYLE_MISSING');
    expect(await readdir(folder).catch(() => [])).toEqual([]);
  });
});
