// Must show (issue 11): a build forced over validation errors says it is a proof on every page, in the
// user's language, and frames each faulty product; a clean build never does. And the print PDF's
// OutputIntent names the printing condition the user picked, with its profile.
import { execFile } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../main/cli/main.ts';
import { findSystemProfile, pressCondition } from '../../main/engine/export/pdf/output-intent.ts';
import { genericCmykProfile } from '../../main/engine/export/pdf/prepare-images.ts';
import { renderPdf } from '../../main/engine/export/pdf/render-pdf.ts';
import type { LayoutPlan } from '../../main/engine/layout/layout-plan.ts';
import { BUNDLED_FONTS } from '../../main/service/font-provider.ts';
import { tempDir } from '../fixtures/workbooks.ts';
import { outputIntents } from '../support/pdf-tools.ts';
import { samplePlan } from './build-fixture.ts';

const FRENCH = 'samples/quincaillerie-tarif-2026.xlsx'; // 5 planted errors on 5 products
const CLEAN = 'samples/tarif-export-excel-fr.csv';
const run = promisify(execFile);

async function build(file: string, lang: 'fr' | 'en', ...extra: string[]) {
  const out = tempDir('catalog-proof-');
  const lines: string[] = [];
  const code = await runCli(
    ['build', file, '--template', 'product-grid', '--out', out, '--lang', lang, ...extra],
    { out: (l) => lines.push(l), err: (l) => lines.push(l) },
  );
  const pdf = readdirSync(out).find((f) => f.endsWith('.pdf'));
  return { code, log: lines.join('\n'), pdf: pdf ? join(out, pdf) : '' };
}

/**
 * Each page's text in drawing order (`-raw`), spaces removed: the watermark runs along the diagonal,
 * which pdftotext gives one letter a line, so « ÉPREUVE — 5 erreurs » reads `ÉPREUVE—5erreurs`.
 */
async function pagesText(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']);
  return stdout.split('\f').slice(0, -1);
}
const squeezed = (text: string) => text.replace(/\s+/g, '');
const flags = (text: string, word: RegExp) => text.split('\n').filter((l) => word.test(l.trim())).length;

describe('a proof (build --force over validation errors)', () => {
  const built: Record<string, Awaited<ReturnType<typeof build>>> = {};
  beforeAll(async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', String(Date.UTC(2026, 0, 5) / 1000));
    built.fr = await build(FRENCH, 'fr', '--force');
    built.en = await build(FRENCH, 'en', '--force');
    built.frScreen = await build(FRENCH, 'fr', '--force', '--mode', 'screen');
    built.cleanFr = await build(CLEAN, 'fr');
    built.cleanEn = await build(CLEAN, 'en');
    vi.unstubAllEnvs();
  }, 120_000);

  it.each([
    ['fr', 'ÉPREUVE—5erreurs'],
    ['en', 'PROOF—5errors'],
    ['frScreen', 'ÉPREUVE—5erreurs'],
  ])('carries the watermark on every page (%s)', async (key, label) => {
    const { code, log, pdf } = built[key]!;
    expect(code, log).toBe(0);
    const pages = await pagesText(pdf);
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, page] of pages.entries()) expect(squeezed(page), `page ${i + 1}`).toContain(label);
  });

  it.each([
    ['fr', /^1 erreur$/],
    ['en', /^1 error$/],
  ])('flags each faulty product with its count (%s)', async (key, flag) => {
    const pages = await pagesText(built[key]!.pdf);
    // The five planted errors are on five products, each laid out once.
    expect(flags(pages.join('\n'), flag)).toBe(5);
    // The second CHE-6 (row 10, a duplicate reference) is flagged on its own page.
    const { plan } = await samplePlan('product-grid');
    const page = plan.pages.find((p) => p.boxes.some((b) => b.kind !== 'rect' && b.row === 10));
    expect(page).toBeDefined();
    expect(flags(pages[page!.number - 1]!, flag)).toBeGreaterThanOrEqual(1);
  });

  it.each(['cleanFr', 'cleanEn'])('a clean build (%s) carries neither watermark nor flag', async (key) => {
    const { code, log, pdf } = built[key]!;
    expect(code, log).toBe(0);
    const text = (await pagesText(pdf)).join('\n');
    expect(squeezed(text)).not.toMatch(/ÉPREUVE|PROOF—/);
    expect(flags(text, /^\d+ (erreurs?|errors?)$/)).toBe(0);
  });
});

describe('a proof in the slug', () => {
  it('puts the watermark outside the trim, above and below the page, and nothing across it', async () => {
    const plan: LayoutPlan = {
      title: 'Proof',
      width: 300,
      height: 400,
      bleed: 8.5,
      marks: true,
      safe: { x: 20, y: 20, width: 260, height: 360 },
      pages: [{ number: 1, bookmarks: [], boxes: [] }],
      issues: [],
    };
    const proof = {
      count: 1234,
      rows: new Map(),
      placement: 'slug' as const,
      lang: 'en' as const,
      locale: 'en-GB',
    };
    const pdf = await renderPdf(plan, { mode: 'print', fonts: BUNDLED_FONTS, proof });
    const file = join(tempDir('catalog-proof-'), 'slug.pdf');
    writeFileSync(file, pdf);
    // The sheet is the page plus bleed plus a 10 mm slug on each side; the top slug is its first 28 pt.
    const region = async (y: number, h: number) =>
      (await run('pdftotext', ['-raw', '-x', '0', '-y', String(y), '-W', '400', '-H', String(h), file, '-']))
        .stdout;
    expect(await region(0, 28)).toContain('PROOF — 1,234 errors');
    expect(await region(28 + 8.5 + 400 + 8.5, 28)).toContain('PROOF — 1,234 errors');
    expect(await region(28, 8.5 + 400 + 8.5)).not.toContain('PROOF');
  });
});

describe('the printing condition (--press)', () => {
  it('names FOGRA39 in the OutputIntent, with the printer’s profile', async () => {
    const icc = join(tempDir('catalog-icc-'), 'ISOcoated_v2_eci.icc');
    writeFileSync(icc, await genericCmykProfile());
    const { code, log, pdf } = await build(CLEAN, 'en', '--press', 'fogra39', '--icc', icc);
    expect(code, log).toBe(0);
    const [intent, ...more] = await outputIntents(pdf);
    expect(more).toEqual([]);
    expect(intent).toMatchObject({
      subtype: 'GTS_PDFX',
      outputConditionIdentifier: 'FOGRA39',
      registryName: 'http://www.color.org',
      outputCondition: expect.stringContaining('ISO 12647-2'),
      info: expect.stringMatching(/\w/),
      destOutputProfile: { components: 4 },
    });
  });

  it('keeps the generic profile, named as such, when no condition is picked', async () => {
    const { pdf } = await build(CLEAN, 'en');
    const [intent] = await outputIntents(pdf);
    expect(intent).toMatchObject({ outputConditionIdentifier: 'CMYK', registryName: undefined });
  });

  it('says in words when the condition has no profile here, and builds nothing', async () => {
    // Only meaningful where no GRACoL 2013 profile is installed (none is on our machines).
    if (await findSystemProfile(pressCondition('GRACoL2013')!)) return;
    const fr = await build(CLEAN, 'fr', '--press', 'GRACoL2013');
    expect(fr.code).toBe(2);
    expect(fr.log).toContain('PRESS_PROFILE_MISSING');
    expect(fr.log).toContain('Aucun profil ICC pour GRACoL2013');
    expect(fr.pdf).toBe('');
    const en = await build(CLEAN, 'en', '--press', 'GRACoL2013');
    expect(en.log).toContain('No ICC profile for GRACoL2013');
  });

  it('is in the build command’s help, in both languages', async () => {
    for (const [lang, words] of [
      ['fr', "condition d'impression nommée dans le PDF"],
      ['en', 'printing condition the PDF names'],
    ] as const) {
      const lines: string[] = [];
      await runCli(['build', '--help', '--lang', lang], {
        out: (l) => lines.push(l),
        err: (l) => lines.push(l),
      });
      expect(lines.join('\n')).toMatch(new RegExp(`--press CONDITION +${words} \\(FOGRA39, `));
    }
  });

  it('refuses an unknown condition, naming the known ones', async () => {
    const { code, log } = await build(CLEAN, 'en', '--press', 'FOGRA99');
    expect(code).toBe(2);
    expect(log).toContain('UNKNOWN_VALUE');
    expect(log).toMatch(/FOGRA39/);
  });
});
