// The corrected copy of the French sample is the marketer's next step: the same workbook with every
// planted problem fixed. The README's pictures are built from it without --force, so it must stay
// clean, and it must differ from the first copy only in the planted cells (else it tells another story).
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/main.ts';
import { PLANTED_PROBLEMS } from '../../../samples/planted-problems.ts';

const FIRST = 'samples/quincaillerie-tarif-2026.xlsx';
const CORRECTED = 'samples/quincaillerie-tarif-2026-corrige.xlsx';

async function run(...args: string[]) {
  const out: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => out.push(l) });
  return { code, out: out.join('\n') };
}

/** Every non-empty cell of every sheet, `'Sheet'!A1` → its value as JSON. */
async function cells(file: string): Promise<Map<string, string>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const all = new Map<string, string>();
  for (const sheet of workbook.worksheets)
    sheet.eachRow((row) =>
      row.eachCell((cell) => all.set(`'${sheet.name}'!${cell.address}`, JSON.stringify(cell.value))),
    );
  return all;
}

describe('the corrected French sample', () => {
  it('validates with no error and no warning', async () => {
    for (const lang of ['fr', 'en']) {
      const { code, out } = await run('validate', CORRECTED, '--json', '--all', '--lang', lang);
      expect(code).toBe(0);
      const report = JSON.parse(out);
      expect(report.counts).toMatchObject({ error: 0, warning: 0 });
      expect(report.items).toBe(20);
    }
  });

  it('differs from the first copy exactly in its planted cells', async () => {
    const [first, corrected] = await Promise.all([cells(FIRST), cells(CORRECTED)]);
    const refs = new Set([...first.keys(), ...corrected.keys()]);
    const changed = [...refs].filter((ref) => first.get(ref) !== corrected.get(ref)).sort();
    const planted = PLANTED_PROBLEMS.filter((p) => FIRST.endsWith(p.file))
      .map((p) => p.ref)
      .sort();
    expect(planted).toHaveLength(6);
    expect(changed).toEqual(planted);
  });

  it('names a photo that was delivered, and the first copy still one that was not', async () => {
    const [first, corrected] = await Promise.all([cells(FIRST), cells(CORRECTED)]);
    const ref = PLANTED_PROBLEMS.find((p) => p.code === 'IMAGE_NOT_FOUND' && FIRST.endsWith(p.file))!.ref;
    const photo = (cells: Map<string, string>) => `samples/images/${JSON.parse(cells.get(ref)!)}`;
    expect(existsSync(photo(corrected))).toBe(true);
    expect(existsSync(photo(first))).toBe(false);
  });
});
