// `catalog grid` as a user meets it: the list of what was found, a reseller list in a separate file,
// a password column named by the user, and every wrong input refused in one line naming the fix.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { run } from '../../support/run-cli.ts';
import { tempDir, writeWorkbook } from '../../fixtures/workbooks.ts';

const SAMPLE = 'samples/imprimerie-revendeurs-2027.xlsx';
const exec = promisify(execFile);

/** A one-family grid and nothing else: resellers come from elsewhere. */
const gridOnly = (dir: string) =>
  writeWorkbook(join(dir, 'grille.xlsx'), (wb) => {
    const ws = wb.addWorksheet('Tarifs');
    ws.getCell('A1').value = 'Flyers A5';
    ws.mergeCells('A1:C1');
    ws.addRow(['Quantité', 'Recto', 'Recto/verso']);
    ws.addRow([100, 20, 'sur devis']);
    ws.addRow([500, 40, 55]);
  });

describe('catalog grid', () => {
  it('--list says what the workbook holds and writes nothing', async () => {
    const listed = await run('grid', SAMPLE, '--list', '--lang', 'en');
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out).toContain('8 families, 8 resellers (sheet "Revendeurs")');
    expect(listed.out).toContain('Brochures A5 [Brochures A5] — 4 × 4 · VAT 5.5%');
    expect(listed.out).toContain("Imprim'Express Lyon (Or) 15% discount · protected");
    expect(listed.out).toContain('Revendeurs!F9');
  });

  it('reads resellers from a separate file, and the passwords from the column the user names', async () => {
    const dir = tempDir('catalog-grid-');
    const grid = await gridOnly(dir);
    const resellers = await writeWorkbook(join(dir, 'clients.xlsx'), (wb) => {
      const ws = wb.addWorksheet('Clients');
      ws.addRow(['Revendeur', 'Remise', 'Code PDF']);
      ws.addRow(['Alpha Print', 0.1, 'alpha-secret']);
      ws.addRow(['Beta Copie', 0.2, '']);
    });
    const out = join(dir, 'out');
    const built = await run(
      'grid',
      grid,
      '--out',
      out,
      '--resellers',
      resellers,
      '--password-column',
      'code pdf',
      '--format',
      'screen',
      '--lang',
      'fr',
    );
    expect(built.code, built.out + built.err).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['alpha-print', 'beta-copie', 'grille-synthese.csv']);
    const alpha = join(out, 'alpha-print', 'grille-alpha-print-ecran.pdf');
    await expect(exec('pdftotext', [alpha, '-'])).rejects.toThrow();
    const { stdout } = await exec('pdftotext', ['-upw', 'alpha-secret', alpha, '-']);
    // 20 × 0.9 = 18.00, to the cent (no rounding rule given); no basis given, so no HT nor TTC.
    expect(stdout).toContain('18,00');
    expect(stdout).toContain('sur devis');
    expect(stdout).not.toMatch(/\bHT\b|TTC/);
    const beta = join(out, 'beta-copie', 'grille-beta-copie-ecran.pdf');
    expect((await exec('pdftotext', [beta, '-'])).stdout).toContain('16,00');
    const summary = await readFile(join(out, 'grille-synthese.csv'), 'utf8');
    expect(summary).not.toContain('alpha-secret');
  });

  it('refuses what it cannot do, in one line that says how to fix it', async () => {
    const dir = tempDir('catalog-grid-');
    const grid = await gridOnly(dir);
    const noResellers = await run('grid', grid, '--out', join(dir, 'out'), '--lang', 'en');
    expect(noResellers.code).toBe(2);
    expect(noResellers.err).toContain('[GRID_NO_RESELLERS]');
    const badRounding = await run(
      'grid',
      SAMPLE,
      '--out',
      join(dir, 'o'),
      '--rounding',
      '0,03',
      '--lang',
      'fr',
    );
    expect(badRounding.err).toContain('[GRID_BAD_ROUNDING]');
    expect(badRounding.err).toContain('0,05:up');
    const unknown = await run('grid', SAMPLE, '--out', join(dir, 'o'), '--only', 'Dupont', '--lang', 'en');
    expect(unknown.err).toContain('[GRID_UNKNOWN_RESELLER]');
    expect(unknown.err).toContain('Copie Conforme');
    const noOut = await run('grid', SAMPLE, '--lang', 'en');
    expect(noOut.err).toContain('--out DIR');
    const badFormat = await run('grid', SAMPLE, '--out', join(dir, 'o'), '--format', 'pdf', '--lang', 'en');
    expect(badFormat.err).toContain('[UNKNOWN_VALUE]');
    const noColumn = await run('grid', SAMPLE, '--list', '--password-column', 'Secret', '--lang', 'fr');
    expect(noColumn.err).toContain('[GRID_NO_PASSWORD_COLUMN]');
    // Nothing was written by any of them.
    expect(await readdir(dir)).toEqual(['grille.xlsx']);
  });

  it('--only and --rounding over the workbook’s: the one reseller, its prices rounded as asked', async () => {
    const out = tempDir('catalog-grid-');
    const built = await run(
      'grid',
      SAMPLE,
      '--out',
      out,
      '--only',
      'papeterie durand',
      '--rounding',
      '.90:up',
      '--format',
      'print',
      '--json',
      '--lang',
      'fr',
    );
    expect(built.code, built.err).toBe(0);
    const result = JSON.parse(built.out) as { resellers: { name: string; files: { path: string }[] }[] };
    expect(result.resellers.map((r) => r.name)).toEqual(['Papeterie Durand']);
    const { stdout } = await exec('pdftotext', ['-layout', result.resellers[0]!.files[0]!.path, '-']);
    const nets = [...stdout.matchAll(/^\s*100\s+(\d+,\d\d)/gm)].map((m) => m[1]!);
    expect(nets.length).toBeGreaterThan(3);
    // Every net price now ends in ,90.
    for (const net of nets) expect(net).toMatch(/,90$/);
    expect(stdout).toContain('prix psychologiques en ,90 (au-dessus)');
  });
});
