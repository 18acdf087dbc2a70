// The whole flow as a user goes through it, in Debian's Chromium against browser mode, in French and
// in English: open the sample workbook by its path → pick another header row, then the detected one
// again → unmap a column → see the checks → change the grid → the preview follows → export a print
// PDF and tagged text (a proof: the sample has planted errors). The exported files are checked with
// the same tools as the output tests, and each step's screenshot is saved in out/e2e/<lang>/.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { common } from '../../renderer/i18n/common.ts';
import { checks } from '../../renderer/steps/checks/strings.ts';
import { exportWords } from '../../renderer/steps/export/strings.ts';
import { layout } from '../../renderer/steps/layout/strings.ts';
import { mappingStrings } from '../../renderer/steps/mapping/strings.ts';
import { openStrings } from '../../renderer/steps/open/strings.ts';
import { preview } from '../../renderer/steps/preview/strings.ts';
import { resellers } from '../../renderer/steps/resellers/strings.ts';
import { sheetStrings } from '../../renderer/steps/sheet/strings.ts';
import { parseTaggedTextFile } from '../support/tagged-text-grammar.ts';
import { pdfInfo, pdfText, qpdfCheck } from '../support/pdf-tools.ts';
import { browserMissing, startApp, type App } from './browser.ts';

const missing = browserMissing();
if (missing) console.warn(`Browser flow skipped: ${missing}.`);

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => String(values[key]));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let app: App;
beforeAll(async () => {
  if (!missing) app = await startApp();
}, 60_000);
afterAll(async () => app?.close());

describe.skipIf(missing)('the app in the browser, end to end', () => {
  it.each(['fr', 'en'] as const)(
    'goes from a workbook to a print PDF and tagged text (%s)',
    async (lang) => {
      const words = {
        common: common[lang],
        open: openStrings[lang],
        sheet: sheetStrings[lang],
        mapping: mappingStrings[lang],
        checks: checks[lang],
        layout: layout[lang],
        preview: preview[lang],
        export: exportWords[lang],
      };
      const work = mkdtempSync(join(tmpdir(), `catalog-e2e-${lang}-`));
      // A config folder of its own (the service reads it per call): no recent projects, and no
      // autosave from elsewhere on the machine or from the other language's run offered back.
      process.env.CATALOG_CONFIG_DIR = join(work, 'config');
      const workbook = join(work, 'quincaillerie-tarif-2026.xlsx');
      cpSync('samples/quincaillerie-tarif-2026.xlsx', workbook);
      cpSync('samples/images', join(work, 'images'), { recursive: true });
      const out = join(work, 'exports');
      const shots = join('out', 'e2e', lang);
      mkdirSync(shots, { recursive: true });

      const context = await app.browser.newContext({
        viewport: { width: 1280, height: 800 },
        locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const main = page.locator('main');
      const shot = async (name: string) => {
        // The window as it opens on the step, not scrolled by the clicks that led there.
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(shots, `${name}.png`) });
      };
      const atStep = (step: string) => page.waitForSelector(`main[data-step="${step}"]`, { timeout: 30_000 });
      const next = () =>
        main.locator('.step-actions').getByRole('button', { name: words.common.next, exact: true }).click();

      await page.goto(app.server.url);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);

      // Open: the path typed, as a user without an upload would.
      await shot('1-open');
      await page.getByLabel(words.open.typedPathLabel).fill(workbook);
      await main.getByRole('button', { name: words.open.typedPathOpen, exact: true }).click();
      await atStep('sheet');

      // Sheet and header: row 4 detected; row 6 picked; the detection back.
      const headerIs = (row: number) => main.getByText(fill(words.sheet.headerIs, { row }));
      await headerIs(4).waitFor();
      await page.getByLabel(words.sheet.pickLabel, { exact: true }).fill('6');
      await main.getByRole('button', { name: words.sheet.pickApply, exact: true }).click();
      await headerIs(6).waitFor();
      await main.getByRole('button', { name: words.sheet.detectAgain }).click();
      await headerIs(4).waitFor();
      await shot('2-sheet');
      await next();

      // Columns: the description is not wanted in this catalog.
      await atStep('mapping');
      const description = page.getByLabel(fill(words.mapping.columnFor, { field: 'Description' }));
      await description.selectOption({ label: words.mapping.notMapped });
      await shot('3-columns');
      await next();

      // Checks: the planted errors are found and listed.
      await atStep('checks');
      await main.getByRole('grid').waitFor();
      await main.locator('.issues-panel, [aria-label]').first().waitFor();
      await expect.poll(() => main.getByRole('gridcell').count(), { timeout: 30_000 }).toBeGreaterThan(20);
      await page.waitForTimeout(300);
      await shot('4-checks');
      await next();

      // Layout: two cards across, two down: more pages than the template's three by three.
      await atStep('layout');
      await drawn(page);
      const live = page.locator('.live-page canvas[data-drawn]');
      const before = await live.getAttribute('data-drawn');
      await page.getByLabel(words.layout.columns, { exact: true }).fill('2');
      await page.getByLabel(words.layout.rows, { exact: true }).fill('2');
      // Page 1 drawn again with the new grid, and every template's card drawn on the data.
      await expect.poll(() => live.getAttribute('data-drawn'), { timeout: 60_000 }).not.toBe(before);
      await drawn(page);
      await expect.poll(() => page.locator('.layout-thumb img').count(), { timeout: 60_000 }).toBe(3);
      // The cover shows no grid: turn the live page to the first page of products.
      for (let turn = 0; turn < 2; turn++) {
        const shown = await live.getAttribute('data-drawn');
        await main.getByRole('button', { name: words.layout.nextPage }).click();
        await expect.poll(() => live.getAttribute('data-drawn'), { timeout: 60_000 }).not.toBe(shown);
      }
      await drawn(page);
      await page.waitForTimeout(500); // the page fades back from its "updating" dim
      await shot('5-layout');
      await next();

      // Preview: the pages of the plan, drawn by pdf.js; the count as the build will make it.
      await atStep('preview');
      await drawn(page);
      const count = main.getByText(
        new RegExp(escape(fill(words.preview.of, { pages: 'N' })).replace('N', '(\\d+)')),
      );
      await count.waitFor();
      const pages = Number(/(\d+)/.exec((await count.textContent()) ?? '')![1]);
      expect(pages).toBeGreaterThan(5);
      await shot('6-preview');

      // A product on page 3 → its row in Checks; and back: the row → its page.
      const pageNav = main.getByRole('navigation', { name: words.preview.navigation });
      await pageNav.getByRole('button', { name: words.preview.next, exact: true }).click();
      await pageNav.getByRole('button', { name: words.preview.next, exact: true }).click();
      await expect.poll(() => page.getByLabel(words.preview.pageNumber).inputValue()).toBe('3');
      await drawn(page);
      const product = main
        .getByRole('button', {
          name: new RegExp(escape(fill(words.preview.openRow, { row: 'N' })).replace('N', '\\d+')),
        })
        .first();
      const row = Number(/(\d+)/.exec((await product.getAttribute('aria-label')) ?? '')![1]);
      await product.click();
      await atStep('checks');
      await expect
        .poll(() =>
          page.evaluate(
            () =>
              document.activeElement?.closest('[role=row]')?.querySelector('[role=rowheader]')?.textContent,
          ),
        )
        .toMatch(new RegExp(`^${row}\\b`));
      await main.getByRole('button', { name: words.checks.showOnPage }).click();
      await atStep('preview');
      await expect.poll(() => page.getByLabel(words.preview.pageNumber).inputValue()).toBe('3');
      await next();

      // Export: print PDF and tagged text into a folder typed by the user; refused, then a proof.
      await atStep('export');
      const preset = (name: string) => main.getByRole('checkbox', { name: new RegExp(escape(name)) });
      await preset(words.export.preset.print.name).check();
      await preset(words.export.preset.tagged.name).check();
      await page.getByLabel(words.common.folder.path).fill(out);
      await main.getByRole('button', { name: words.export.build, exact: true }).click();
      await main
        .getByRole('button', { name: words.export.force })
        .click({ timeout: 60_000 })
        .catch(async (error: unknown) => {
          await shot('failed-export');
          throw error;
        });
      await main.getByText(words.export.written, { exact: true }).waitFor({ timeout: 90_000 });
      await shot('7-export');

      const files = readdirSync(out);
      const pdf = join(
        out,
        files.find((f) => f.endsWith('.pdf'))!,
      );
      const tagged = join(
        out,
        files.find((f) => f.endsWith('.txt'))!,
      );
      expect((await qpdfCheck(pdf)).ok).toBe(true);
      expect((await pdfInfo(pdf)).pages).toBe(pages);
      const text = await pdfText(pdf);
      expect(text).toContain('Vis agglo tête fraisée');
      // The description column was unmapped: its text is in neither output.
      expect(text).not.toContain('Acier zingué blanc');
      const parsed = parseTaggedTextFile(readFileSync(tagged));
      const taggedText = JSON.stringify(parsed);
      expect(taggedText).toContain('Vis agglo tête fraisée');
      expect(taggedText).not.toContain('Acier zingué blanc');
      expect(errors).toEqual([]);
      await context.close();
    },
    240_000,
  );

  it.each(['fr', 'en'] as const)(
    'makes the price lists of two resellers from the print-trade sample (%s)',
    async (lang) => {
      const words = { common: common[lang], open: openStrings[lang], resellers: resellers[lang] };
      const work = mkdtempSync(join(tmpdir(), `catalog-e2e-grid-${lang}-`));
      process.env.CATALOG_CONFIG_DIR = join(work, 'config');
      const workbook = join(work, 'imprimerie-revendeurs-2027.xlsx');
      cpSync('samples/imprimerie-revendeurs-2027.xlsx', workbook);
      cpSync('samples/logos', join(work, 'logos'), { recursive: true });
      const out = join(work, 'listes');
      const shots = join('out', 'e2e', lang);
      mkdirSync(shots, { recursive: true });

      const context = await app.browser.newContext({
        viewport: { width: 1280, height: 800 },
        locale: lang === 'fr' ? 'fr-FR' : 'en-GB',
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const main = page.locator('main');
      const atStep = (step: string) => page.waitForSelector(`main[data-step="${step}"]`, { timeout: 30_000 });
      await page.goto(app.server.url);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);

      // Open: the workbook is read as usual, and its price grids and resellers are offered.
      await page.getByLabel(words.open.typedPathLabel).fill(workbook);
      await main.getByRole('button', { name: words.open.typedPathOpen, exact: true }).click();
      await atStep('sheet');
      await main.getByText(fill(words.resellers.offer.found_other, { count: 8, families: 8 })).waitFor();
      await page.screenshot({ path: join(shots, 'resellers-offer.png') });
      await main.getByRole('button', { name: words.resellers.offer.start }).click();
      await atStep('resellers');
      await expect.poll(() => page.locator('.stepper button').count()).toBe(2);

      // The first reseller's list, drawn by pdf.js beside the list.
      await main
        .getByRole('heading', { name: fill(words.resellers.list.title_other, { count: 8 }) })
        .waitFor();
      await drawn(page);
      await page.waitForTimeout(400); // the page fades back from its "updating" dim
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(shots, 'resellers.png') });

      // Two of them, print and screen PDFs, into a folder typed by the user.
      await main
        .getByRole('checkbox', {
          name: new RegExp(escape(words.resellers.options.output['tagged-text'].name)),
        })
        .uncheck();
      await main
        .getByRole('radio', { name: new RegExp(escape(words.resellers.options.only_other.split(' (')[0]!)) })
        .check();
      await main
        .getByRole('checkbox', { name: fill(words.resellers.list.include, { name: 'Bright Print Ltd' }) })
        .check();
      await page.getByLabel(words.common.folder.path).fill(out);
      await main.getByRole('button', { name: fill(words.resellers.build_other, { count: 2 }) }).click();
      const written = main.getByRole('heading', {
        name: fill(words.resellers.result.title_other, { count: 2 }),
      });
      await written.waitFor({ timeout: 120_000 });
      await page.screenshot({ path: join(shots, 'resellers-written.png'), fullPage: true });

      const folders = readdirSync(out).sort();
      // A folder per reseller, and the summary (named in the user's language).
      expect(folders).toEqual([
        'bright-print-ltd',
        'imprim-express-lyon',
        expect.stringMatching(/^imprimerie-revendeurs-2027-.+\.csv$/),
      ]);
      const pdfs = readdirSync(join(out, 'imprim-express-lyon')).filter((f) => f.endsWith('.pdf'));
      expect(pdfs).toHaveLength(2);
      expect(errors).toEqual([]);
      await context.close();
    },
    240_000,
  );
});

/** Waits until a page preview on screen is drawn by pdf.js and no longer updating. */
async function drawn(page: Page): Promise<void> {
  await page.waitForSelector('canvas[data-drawn]', { timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"] canvas'), undefined, {
    timeout: 60_000,
  });
}
