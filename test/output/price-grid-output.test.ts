// `catalog grid` on the sample print-trade workbook, checked as a print reseller would: every price of
// every reseller's print PDF, read back with pdftotext, equals the price worked out here by hand from
// what the sample's sheets say (levels, negotiated rates, family overrides, rounding up to 0.05,
// minimum, VAT per family, public price × 1.6 TTC); not-available cells print as such; protected
// screen PDFs open with the reseller's password only (qpdf: AES, printing allowed, copying not); the
// print PDFs pass the catalogs' output checks.
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../main/cli/main.ts';
import type { GridBuildResult } from '../../main/api/grid-contract.ts';
import { readGridWorkbook } from '../../main/service/price-grids/read-grid-workbook.ts';
import type { PriceGrid } from '../../main/engine/grid/grid-model.ts';
import { tempDir } from '../fixtures/workbooks.ts';
import {
  colourOperators,
  declaredBoxes,
  ghostscriptCheck,
  outputIntents,
  pdfFonts,
  pdfImages,
  qpdfCheck,
} from '../support/pdf-tools.ts';
import { parseTaggedTextFile } from '../support/tagged-text-grammar.ts';

const run = promisify(execFile);
const SAMPLE = 'samples/imprimerie-revendeurs-2027.xlsx';

// ── What the sample's sheets say (samples/print-trade.ts), written out again here by hand. ──
/** A multiplier in thousandths: 15 % off → 850, coefficient 0.92 → 920. */
const LEVEL: Record<string, number> = { Bronze: 950, Argent: 900, Or: 850 };
const NEGOTIATED: Record<string, number> = {
  'Copie Conforme': 880, // 12 %
  'Print & Go Bruxelles': 850, // =1-0.15
  'Atelier Nord Impression': 920, // coefficient 0.92
  'Papeterie Durand': 925, // « 7,5 % »
};
const BY_RESELLER: Record<string, Record<string, number>> = {
  "Imprim'Express Lyon": { 'Cartes de visite 85×55': 800 },
  'Print & Go Bruxelles': { 'Flyers A5': 800 },
};
const BY_LEVEL: Record<string, Record<string, number>> = { Or: { Bâches: 820 } };
/** VAT in tenths of a percent. */
const VAT: Record<string, number> = {
  'Cartes de visite 85×55': 200,
  'Flyers A5': 200,
  'Flyers A4': 200,
  'Dépliants A4 2 plis roulés': 200,
  Affiches: 200,
  'Brochures A5': 55,
  Bâches: 200,
  Kakémonos: 100,
};
const LEVEL_OF: Record<string, string> = {
  "Imprim'Express Lyon": 'Or',
  'Copie Conforme': 'Argent',
  'Le Comptoir Graphique': 'Bronze',
  'Print & Go Bruxelles': 'Argent',
  'Studio Mosaïque': 'Or',
  'Atelier Nord Impression': 'Bronze',
  'Bright Print Ltd': 'Argent',
  'Papeterie Durand': 'Bronze',
};
const PASSWORDS: Record<string, string> = {
  "Imprim'Express Lyon": 'Lyon-Atlas-2027',
  'Print & Go Bruxelles': 'Bxl#Print&Go',
  'Bright Print Ltd': 'BrightPrint 2027',
};
const ENGLISH = new Set(['Bright Print Ltd']);
const MINIMUM = 1800;

const multiplier = (reseller: string, family: string) =>
  BY_RESELLER[reseller]?.[family] ??
  BY_LEVEL[LEVEL_OF[reseller]!]?.[family] ??
  NEGOTIATED[reseller] ??
  LEVEL[LEVEL_OF[reseller]!]!;

/**
 * Net HT up to the next 5 cents, raised to the minimum (then starred); TTC half up; public = net ×
 * 1.6 with VAT, up to the next 5 cents.
 */
function expectedFigures(base: number, reseller: string, family: string): (number | string)[] {
  const m = multiplier(reseller, family);
  const v = VAT[family]!;
  const rounded = Math.ceil((base * m) / 5000) * 5;
  const ht = Math.max(rounded, MINIMUM);
  const ttc = Math.floor((2 * ht * (1000 + v) + 1000) / 2000);
  const publicTtc = Math.ceil((ht * 16 * (1000 + v)) / 50000) * 5;
  return rounded < MINIMUM ? [ht, '*', ttc, publicTtc] : [ht, ttc, publicTtc];
}

// ── Reading the PDF's text back. ──
const AMOUNT = { fr: /\d{1,3}(?:[ \u202f\u00a0]\d{3})*,\d{2}/y, en: /\d{1,3}(?:,\d{3})*\.\d{2}/y };
const NOT_AVAILABLE = { fr: ['sur devis', '–'], en: ['on request', '–'] };

/** The tokens of a tier's line after its quantity: amounts in cents, or a not-available word. */
function tokens(rest: string, lang: 'fr' | 'en'): (number | string)[] {
  const found: (number | string)[] = [];
  let at = 0;
  while (at < rest.length) {
    if (/\s/.test(rest[at]!)) {
      at++;
      continue;
    }
    const word = [...NOT_AVAILABLE[lang], '*'].find((w) => rest.startsWith(w, at));
    if (word) {
      found.push(word);
      at += word.length;
      continue;
    }
    const pattern = AMOUNT[lang];
    pattern.lastIndex = at;
    const m = pattern.exec(rest);
    if (!m) throw new Error(`unexpected text at "${rest.slice(at, at + 20)}"`);
    found.push(Number(m[0].replace(/[^\d]/g, '')));
    at += m[0].length;
  }
  return found;
}

const quantityText = (quantity: number, lang: 'fr' | 'en') =>
  lang === 'fr' ? String(quantity).replace(/\B(?=(\d{3})+$)/g, ' ') : quantity.toLocaleString('en-GB');

const out = tempDir('catalog-grid-');
let result: GridBuildResult;
let grids: PriceGrid[];

beforeAll(async () => {
  vi.stubEnv('SOURCE_DATE_EPOCH', String(Date.UTC(2026, 11, 1) / 1000));
  const lines: string[] = [];
  const code = await runCli(['grid', SAMPLE, '--out', out, '--json', '--lang', 'fr'], {
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
  });
  result = JSON.parse(lines.join('\n')) as GridBuildResult;
  expect(code, lines.join('\n')).toBe(0);
  grids = (await readGridWorkbook({ file: SAMPLE })).grids;
  vi.unstubAllEnvs();
}, 240_000);

const fileOf = (reseller: string, kind: 'print' | 'screen' | 'tagged-text') =>
  result.resellers.find((r) => r.name === reseller)!.files.find((f) => f.kind === kind)!;

describe('catalog grid on the sample print-trade workbook', () => {
  it('makes every reseller its print PDF, screen PDF and tagged text, and a summary without passwords', async () => {
    expect(result.status).toBe('built');
    expect(result.resellers.map((r) => r.name).sort()).toEqual(Object.keys(LEVEL_OF).sort());
    for (const r of result.resellers)
      expect(r.files.map((f) => f.kind)).toEqual(['print', 'screen', 'tagged-text']);
    const summary = await readFile(result.summary!, 'utf8');
    expect(summary.split('\r\n').filter(Boolean)).toHaveLength(1 + 8);
    for (const password of Object.values(PASSWORDS)) expect(summary).not.toContain(password);
    expect(JSON.stringify(result)).not.toContain(PASSWORDS['Bright Print Ltd']);
    // One folder per reseller, named safely.
    expect((await readdir(out)).filter((n) => !n.endsWith('.csv')).sort()).toEqual([
      'atelier-nord-impression',
      'bright-print-ltd',
      'copie-conforme',
      'imprim-express-lyon',
      'le-comptoir-graphique',
      'papeterie-durand',
      'print-go-bruxelles',
      'studio-mosaique',
    ]);
  });

  it.each(Object.keys(LEVEL_OF))('prints every price of %s as computed by hand', async (reseller) => {
    const lang = ENGLISH.has(reseller) ? 'en' : 'fr';
    const { stdout } = await run('pdftotext', ['-layout', fileOf(reseller, 'print').path, '-']);
    const lines = stdout.split('\n');
    let at = 0;
    let checked = 0;
    let notAvailable = 0;
    for (const grid of grids)
      for (const family of grid.families)
        for (const tier of family.tiers) {
          const quantity = quantityText(tier.quantity, lang);
          const expected = tier.cells.flatMap((cell) => {
            if (cell.kind === 'price') return expectedFigures(cell.cents, reseller, family.name);
            notAvailable++;
            return [cell.why === 'on-request' ? NOT_AVAILABLE[lang][0]! : '–'];
          });
          // The tier's line is the next one that starts with its quantity and carries prices.
          while (at < lines.length && !new RegExp(`^\\s*${quantity}\\s`).test(lines[at]!)) at++;
          expect(at, `${family.name}, ${quantity}: line not found`).toBeLessThan(lines.length);
          const rest = lines[at]!.replace(new RegExp(`^\\s*${quantity}`), '');
          expect(tokens(rest, lang), `${reseller}, ${family.name}, ${quantity}`).toEqual(expected);
          checked += expected.length;
          at++;
        }
    expect(checked).toBeGreaterThan(300);
    expect(notAvailable).toBeGreaterThan(3);
    // The legend says what a star means exactly when one is printed.
    const starred = /\d\s*\*/.test(stdout);
    expect(
      stdout.includes(lang === 'fr' ? 'Prix minimum appliqué (18,00' : 'Minimum price applied (18.00'),
    ).toBe(starred);
  });

  it('locks the screen PDFs of resellers with a password: AES, printing allowed, copying and editing not', async () => {
    for (const [reseller, password] of Object.entries(PASSWORDS)) {
      const path = fileOf(reseller, 'screen').path;
      expect(fileOf(reseller, 'screen').encrypted).toBe(true);
      await expect(run('pdftotext', [path, '-'])).rejects.toThrow();
      await expect(run('pdftotext', ['-upw', 'wrong', path, '-'])).rejects.toThrow();
      const { stdout: text } = await run('pdftotext', ['-upw', password, path, '-']);
      expect(text).toContain(reseller);
      const { stdout } = await run('qpdf', ['--show-encryption', `--password=${password}`, path]);
      expect(stdout).toMatch(/^R = 6$/m);
      expect(stdout).toMatch(/file encryption method: AESv3/);
      expect(stdout).toMatch(/print high resolution: allowed/);
      expect(stdout).toMatch(/extract for any purpose: not allowed/);
      expect(stdout).toMatch(/modify anything: not allowed/);
      expect(stdout).toMatch(/extract for accessibility: allowed/);
    }
    // No password, no lock.
    const open = fileOf('Copie Conforme', 'screen');
    expect(open.encrypted).toBe(false);
    const { stdout } = await run('qpdf', ['--show-encryption', open.path]);
    expect(stdout).toMatch(/File is not encrypted/);
  });

  it('says on every page whom the list is for, in the reseller’s language', async () => {
    for (const reseller of ['Copie Conforme', 'Bright Print Ltd']) {
      const { stdout } = await run('pdftotext', [fileOf(reseller, 'print').path, '-']);
      const pages = stdout.split('\f').filter((p) => p.trim());
      const words = ENGLISH.has(reseller)
        ? `Confidential — for ${reseller} only`
        : `Confidentiel — réservé à ${reseller}`;
      for (const page of pages) expect(page).toContain(words);
      expect(stdout).toContain(ENGLISH.has(reseller) ? 'Net ex. VAT' : 'Net HT');
    }
  });

  it('writes tagged text InDesign reads: one table per family', async () => {
    const parsed = parseTaggedTextFile(await readFile(fileOf('Copie Conforme', 'tagged-text').path));
    const families = grids.flatMap((g) => g.families);
    expect(parsed.tables).toHaveLength(families.length);
  });
});

describe.each(['Copie Conforme', 'Bright Print Ltd'])('the print PDF of %s', (reseller) => {
  const path = () => fileOf(reseller, 'print').path;

  it('passes qpdf --check and renders in ghostscript', async () => {
    const qpdf = await qpdfCheck(path());
    expect(qpdf.ok, qpdf.output).toBe(true);
    const gs = await ghostscriptCheck(path());
    expect(gs.ok, gs.output).toBe(true);
  });

  it('has its TrimBox inside its BleedBox inside its MediaBox, A4 landscape', async () => {
    for (const { media, bleed, trim } of await declaredBoxes(path())) {
      expect(trim && bleed && media).toBeTruthy();
      expect(trim!.x1).toBeGreaterThan(bleed!.x1);
      expect(bleed!.x1).toBeGreaterThan(media!.x1);
      expect(trim!.x2 - trim!.x1).toBeCloseTo((297 / 25.4) * 72, 0);
      expect(trim!.y2 - trim!.y1).toBeCloseTo((210 / 25.4) * 72, 0);
    }
  });

  it('embeds subset fonts only, and uses CMYK only, with a CMYK output intent', async () => {
    for (const font of await pdfFonts(path())) expect(font).toMatchObject({ embedded: true, subset: true });
    const colours = await colourOperators(path());
    expect(colours.sets.rgb).toBe(0);
    expect(colours.names.DeviceRGB).toBe(0);
    for (const image of await pdfImages(path())) expect(image.color).toBe('cmyk');
    const [intent] = await outputIntents(path());
    expect(intent).toMatchObject({ subtype: 'GTS_PDFX', destOutputProfile: { components: 4 } });
  });
});

describe('a folder of outputs written before', () => {
  it('is rewritten in place: running twice gives the same files', async () => {
    const first = await readFile(fileOf('Copie Conforme', 'tagged-text').path);
    const lines: string[] = [];
    vi.stubEnv('SOURCE_DATE_EPOCH', String(Date.UTC(2026, 11, 1) / 1000));
    const code = await runCli(
      ['grid', SAMPLE, '--out', out, '--only', 'Copie Conforme', '--format', 'tagged-text', '--lang', 'fr'],
      { out: (l) => lines.push(l), err: (l) => lines.push(l) },
    );
    vi.unstubAllEnvs();
    expect(code, lines.join('\n')).toBe(0);
    expect(await readFile(fileOf('Copie Conforme', 'tagged-text').path)).toEqual(first);
  });
});
