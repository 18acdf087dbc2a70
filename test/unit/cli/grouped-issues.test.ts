import ExcelJS from 'exceljs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../support/run-cli.ts';
import { tempDir } from '../../fixtures/workbooks.ts';

/** A price list of `count` products whose pictures are all missing, the last `quotes` priced « sur devis ». */
async function priceList(count: number, quotes = 0) {
  const folder = tempDir('catalog-grouped-');
  const rows = Array.from(
    { length: count },
    (_, i) =>
      `R-${i + 1};Article ${i + 1};${i >= count - quotes ? 'sur devis' : `${i + 1},50 €`};p${i + 1}.jpg`,
  );
  await writeFile(join(folder, 'tarif.csv'), ['Réf.;Désignation;Prix HT;Photo', ...rows].join('\r\n'));
  await mkdir(join(folder, 'images'));
  await writeFile(join(folder, 'images', 'autre.jpg'), '');
  return { file: join(folder, 'tarif.csv'), images: join(folder, 'images'), folder };
}

const refsIn = (out: string) => [...out.matchAll(/^\s+(tarif!D\d+)\s/gm)].map((m) => m[1]);

describe('the same problem on many rows', () => {
  it('lists its first 5 rows, then one line with the count; --all lists every one', async () => {
    const { file, images } = await priceList(12);
    const grouped = await run('validate', file, '--images', images, '--lang', 'en');
    expect(grouped.code).toBe(0);
    expect(refsIn(grouped.out)).toEqual(['tarif!D2', 'tarif!D3', 'tarif!D4', 'tarif!D5', 'tarif!D6']);
    expect(grouped.out).toContain(
      '… and 7 more like these in column D (rows 7 to 13) [IMAGE_NOT_FOUND]: --all lists every one',
    );
    expect(grouped.out).toContain('Warnings (12)');
    const all = await run('validate', file, '--images', images, '--all', '--lang', 'fr');
    expect(refsIn(all.out)).toHaveLength(12);
    expect(all.out).not.toContain('--all les liste toutes');
    const fr = await run('validate', file, '--images', images, '--lang', 'fr');
    expect(fr.out).toMatch(
      /… et 7 autres semblables en colonne D \(lignes 7 à 13\) \[IMAGE_NOT_FOUND\] : --all les liste toutes/,
    );
  });

  it('is one group in --json with its count, its first issues and every cell; --all adds each issue', async () => {
    const { file, images } = await priceList(12);
    const report = JSON.parse((await run('validate', file, '--images', images, '--json')).out);
    expect(report.counts.warning).toBe(12);
    expect(report.issues).toBeUndefined();
    const pictures = report.groups.filter((g: { code: string }) => g.code === 'IMAGE_NOT_FOUND');
    expect(pictures).toHaveLength(1);
    expect(pictures[0]).toMatchObject({
      severity: 'warning',
      sheet: 'tarif',
      column: 'D',
      field: 'image',
      count: 12,
    });
    expect(pictures[0].first.map((i: { ref: string }) => i.ref)).toEqual([
      'tarif!D2',
      'tarif!D3',
      'tarif!D4',
      'tarif!D5',
      'tarif!D6',
    ]);
    expect(pictures[0].refs).toEqual(Array.from({ length: 12 }, (_, i) => `tarif!D${i + 2}`));
    const all = JSON.parse((await run('validate', file, '--images', images, '--json', '--all')).out);
    expect(all.issues.filter((i: { code: string }) => i.code === 'IMAGE_NOT_FOUND')).toHaveLength(12);
  });

  it('still marks every cell of the annotated copy, and its issues sheet lists the group sensibly', async () => {
    const { file, images, folder } = await priceList(12);
    const out = join(folder, 'annote.xlsx');
    expect((await run('validate', file, '--images', images, '--annotate', out, '--lang', 'fr')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const data = wb.getWorksheet('tarif')!;
    for (let row = 2; row <= 13; row++)
      expect(JSON.stringify(data.getCell(`D${row}`).note)).toContain(`p${row - 1}.jpg`);
    const issues = wb.getWorksheet('Problèmes')!;
    expect(issues.rowCount).toBe(1 + 5 + 1);
    const more = issues.getRow(7);
    expect(more.getCell(3).value).toBe('IMAGE_NOT_FOUND');
    expect(more.getCell(4).value).toBe(
      '… et 7 autres semblables en colonne D (lignes 7 à 13), chacune marquée dans la feuille « tarif ».',
    );
    expect(more.getCell(2).value).toEqual({ text: 'tarif!D7 …', hyperlink: '#tarif!D7' });
  });

  it("groups build's refusal list too, and --all lists every error", async () => {
    const { file, images, folder } = await priceList(20, 8);
    const refused = await run(
      'build',
      file,
      '--images',
      images,
      '--out',
      join(folder, 'out'),
      '--lang',
      'en',
    );
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(
      '… and 3 more like these in column C (rows 19 to 21) [NOT_A_PRICE]: --all lists every one',
    );
    const all = await run(
      'build',
      file,
      '--images',
      images,
      '--out',
      join(folder, 'out'),
      '--all',
      '--lang',
      'en',
    );
    expect(all.code).toBe(1);
    expect([...all.out.matchAll(/\[NOT_A_PRICE\]/g)]).toHaveLength(8);
  });
});
