// Pictures as people file them (issue 6): in subfolders of the images folder, named in a column
// whose header says nothing, or named after the reference with no column at all.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { listImageFiles } from '../../../main/service/list-image-files.ts';
import { run } from '../../support/run-cli.ts';
import { pdfImages } from '../../support/pdf-tools.ts';
import { tempDir } from '../../fixtures/workbooks.ts';

async function touch(root: string, path: string, content: Buffer | string = '') {
  const full = join(root, path);
  await mkdir(join(full, '..'), { recursive: true });
  await writeFile(full, content);
}

// A small real picture, distinct per name, so a PDF holds one image per product.
const jpeg = (shade: number) =>
  sharp({ create: { width: 40, height: 40, channels: 3, background: { r: shade, g: 90, b: 40 } } })
    .jpeg()
    .toBuffer();

describe('listImageFiles', () => {
  it('lists pictures in subfolders, shallow ones first, skipping hidden entries and other files', async () => {
    const root = tempDir('catalog-images-');
    for (const path of [
      'zeta.jpg',
      'CLE-13.JPG',
      'laiton/bouchon.png',
      'laiton/raccords/coude.webp',
      'inox/bouchon.png',
      'notice.pdf',
      '.DS_Store',
      '.miniatures/cle-13.jpg',
      'laiton/._bouchon.png',
    ])
      await touch(root, path);
    expect(await listImageFiles(root)).toEqual([
      'CLE-13.JPG',
      'zeta.jpg',
      'inox/bouchon.png',
      'laiton/bouchon.png',
      'laiton/raccords/coude.webp',
    ]);
  });

  it('stops at its depth and count limits', async () => {
    const root = tempDir('catalog-images-');
    await touch(root, 'a.jpg');
    await touch(root, '1/b.jpg');
    await touch(root, '1/2/c.jpg');
    await touch(root, '1/2/3/d.jpg');
    expect(await listImageFiles(root, { depth: 2 })).toEqual(['a.jpg', '1/b.jpg', '1/2/c.jpg']);
    expect(await listImageFiles(root, { files: 2 })).toEqual(['a.jpg', '1/b.jpg']);
  });
});

describe('pictures found in subfolders, by their column values and by reference', () => {
  it('maps a header-less column of picture paths and finds them in subfolders, backslashes too', async () => {
    const folder = tempDir('catalog-pictures-');
    await writeFile(
      join(folder, 'tarif.csv'),
      [
        'Réf.;Désignation;Prix HT;',
        'BOU-1;Bouchon laiton;4,50 €;laiton/bouchon.png',
        'BOU-2;Bouchon inox;5,20 €;inox\\bouchon.png',
        'BOU-3;Coude 90;7,90 €;photos\\raccords\\coude-90.JPG',
      ].join('\r\n'),
    );
    for (const path of ['laiton/bouchon.png', 'inox/bouchon.png', 'raccords/coude-90.jpg'])
      await touch(join(folder, 'images'), path, 'x');

    const inspect = await run('inspect', join(folder, 'tarif.csv'), '--json', '--lang', 'en');
    expect(inspect.code, inspect.err).toBe(0);
    const report = JSON.parse(inspect.out) as {
      suggestion: { matches: { field: string; column: string }[] };
    };
    expect(report.suggestion.matches).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'image', column: 'D' })]),
    );
    expect(report.suggestion.matches.filter((match) => match.column === 'D')).toHaveLength(1);

    const validate = await run('validate', join(folder, 'tarif.csv'), '--json', '--all', '--lang', 'en');
    const issues = (JSON.parse(validate.out) as { issues: { code: string }[] }).issues.map((i) => i.code);
    expect(issues).not.toContain('IMAGE_NOT_FOUND');
  });

  it('prints pictures named after the reference when no column names them, and says so once', async () => {
    const folder = tempDir('catalog-pictures-');
    await writeFile(
      join(folder, 'tarif.csv'),
      [
        'Réf.;Désignation;Prix HT',
        'CLE-13;Clé plate 13;12,50 €',
        'CLE-14;Clé plate 14;13,50 €',
        'CLE-15;Clé plate 15;14,50 €',
        'CLE-16;Clé plate 16;15,50 €',
      ].join('\r\n'),
    );
    await touch(join(folder, 'images'), 'CLE-13.jpg', await jpeg(10));
    await touch(join(folder, 'images'), 'cle-14.JPG', await jpeg(120));
    await touch(join(folder, 'images'), 'clés/CLE-15_1.jpg', await jpeg(240));

    const validate = await run('validate', join(folder, 'tarif.csv'), '--lang', 'fr');
    expect(validate.out).toMatch(
      /3 photo\(s\) trouvée\(s\) par référence dans .*images \(Photo\)\. \[IMAGES_FOUND_BY_REFERENCE\]/,
    );
    expect(validate.out).toMatch(/1 produit\(s\) sans photo .* lignes 5\. \[IMAGES_MISSING_BY_REFERENCE\]/);
    expect(validate.out.match(/IMAGES_FOUND_BY_REFERENCE/g)).toHaveLength(1);
    expect(validate.out).not.toContain('IMAGE_NOT_FOUND');

    const out = join(folder, 'out');
    const build = await run(
      'build',
      join(folder, 'tarif.csv'),
      '--out',
      out,
      '--mode',
      'screen',
      '--lang',
      'en',
    );
    expect(build.code, build.out + build.err).toBe(0);
    const images = (await pdfImages(join(out, 'tarif-product-grid.pdf'))).filter(
      (image) => image.type === 'image',
    );
    expect(images).toHaveLength(3);
  });
});
