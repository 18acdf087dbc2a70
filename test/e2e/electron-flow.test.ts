// The desktop app itself, driven by Playwright's `_electron` where the Electron runtime exists: the
// window's defences seen from inside the page (no Node, no ipcRenderer, only window.catalog's named
// methods, the CSP header, navigation refused), then a workbook opened, checked, previewed and built
// through the real preload, IPC handlers and worker jobs. Native dialogs are replaced in the main
// process, the one thing a test cannot click. Where the runtime is missing (npm skipped Electron's
// download, as on these machines) every test says it skipped and why.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import type { DesktopBridge, JobEvent } from '../../main/api/bridge.ts';
import { CHANNEL_NAMES } from '../../main/api/channel-names.ts';
import { tempDir } from '../fixtures/workbooks.ts';

const ROOT = resolve('.');
const SAMPLE = resolve('samples/quincaillerie-tarif-2026.xlsx');

/** The Electron binary, or why the desktop app cannot be launched here. */
function electronOrWhy(): { path: string } | { why: string } {
  let path: unknown;
  try {
    path = createRequire(import.meta.url)('electron');
  } catch (error) {
    return {
      why: `the Electron runtime is missing (${(error as Error).message.split('\n')[0]}; npm skipped its binary download: ELECTRON_SKIP_BINARY_DOWNLOAD or no network)`,
    };
  }
  if (typeof path !== 'string' || !existsSync(path))
    return { why: `the Electron binary ${String(path)} does not exist` };
  if (!existsSync('dist/renderer/index.html')) return { why: 'the UI is not built (npm run build:ui)' };
  if (!existsSync('dist/app/main.mjs')) return { why: 'the desktop app is not built (npm run build:app)' };
  return { path };
}

const found = electronOrWhy();
const skipped = 'why' in found ? `Electron flow skipped: ${found.why}.` : undefined;

let app: ElectronApplication | undefined;
let page: Page;

beforeAll(async () => {
  if (skipped) {
    console.warn(skipped);
    return;
  }
  app = await _electron.launch({
    executablePath: (found as { path: string }).path,
    args: [ROOT],
    env: { ...process.env, CATALOG_CONFIG_DIR: tempDir('catalog-electron-config-') },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
}, 60_000);

afterAll(async () => {
  await app?.close();
});

/** Skips the test, naming why, when the desktop app cannot run here. */
const needsElectron = (ctx: TestContext) => {
  if (skipped) ctx.skip(skipped);
};

/** Replaces the next native open dialog's answer, in the main process. */
const answerOpenDialog = (paths: string[]) =>
  app!.evaluate(({ dialog }, filePaths) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths })) as typeof dialog.showOpenDialog;
  }, paths);

describe('the desktop app (Electron)', () => {
  it('loads the UI from the app protocol, with no Node and only the bridge in the page', async (ctx) => {
    needsElectron(ctx);
    expect(page.url()).toBe('app://catalog/');
    const seen = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      keys: Object.keys((globalThis as unknown as { catalog: object }).catalog).sort(),
      channels: Object.keys((globalThis as unknown as { catalog: DesktopBridge }).catalog.call).sort(),
    }));
    expect(seen.require).toBe('undefined');
    expect(seen.process).toBe('undefined');
    expect(seen.keys).not.toContain('ipcRenderer');
    expect(seen.channels).toEqual([...CHANNEL_NAMES].sort());
  });

  it('serves the page with the CSP, and does not navigate away', async (ctx) => {
    needsElectron(ctx);
    const csp = await page.evaluate(async () =>
      (await fetch('app://catalog/')).headers.get('content-security-policy'),
    );
    expect(csp).toContain("script-src 'self'");
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'file:///etc/passwd';
    });
    await page.waitForTimeout(300);
    expect(page.url()).toBe('app://catalog/');
  });

  it('refuses a workbook the user did not choose, then opens, checks, previews and builds one', async (ctx) => {
    needsElectron(ctx);
    const refused = await page.evaluate(
      (file) => (globalThis as unknown as { catalog: DesktopBridge }).catalog.call.open({ file }),
      SAMPLE,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'PATH_NOT_CHOSEN' } });

    const out = tempDir('catalog-electron-out-');
    await answerOpenDialog([SAMPLE]);
    expect(
      await page.evaluate(() =>
        (globalThis as unknown as { catalog: DesktopBridge }).catalog.chooseWorkbook(),
      ),
    ).toBe(SAMPLE);
    await answerOpenDialog([out]);
    expect(
      await page.evaluate(() => (globalThis as unknown as { catalog: DesktopBridge }).catalog.chooseFolder()),
    ).toBe(out);

    const result = await page.evaluate(
      async ({ file, out }) => {
        const { catalog } = globalThis as unknown as { catalog: DesktopBridge };
        const events: JobEvent[] = [];
        const off = catalog.onProgress((e) => events.push(e));
        const opened = await catalog.call.open({ file });
        const validated = await catalog.call.validate({ file }, 'v');
        const preview = await catalog.call.preview({ file, lang: 'en' }, 'p');
        const built = await catalog.call.build(
          { file, out, formats: ['pdf', 'tagged-text'], force: true, lang: 'en' },
          'b',
        );
        off();
        return {
          opened: opened.ok,
          validated: validated.ok,
          preview: preview.ok,
          built,
          jobs: [...new Set(events.map((e) => e.job))],
        };
      },
      { file: SAMPLE, out },
    );
    expect(result).toMatchObject({ opened: true, validated: true, preview: true, built: { ok: true } });
    expect(result.jobs).toEqual(expect.arrayContaining(['v', 'p', 'b']));
    expect(readdirSync(out).some((f) => f.endsWith('.pdf'))).toBe(true);
  }, 120_000);
});
