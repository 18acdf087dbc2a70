// Peer: Debian's Chromium printing the HTML catalog to PDF, driven by playwright-core (no browser
// download: the system one). The browser is launched outside the clock; the clock covers loading the
// page (fonts and pictures included) and printing it until the PDF is on disk.
import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { sampleTree, type TreeMemory } from './process-memory.ts';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu'];

export type PrintTimes = {
  /** Launch of the browser, outside the clock. */
  launchMs: number;
  /** `goto` until the load event: parsing, styles, fonts and pictures. */
  loadMs: number;
  /** `page.pdf` until the file is written: layout for print, pagination, drawing, PDF. */
  printMs: number;
  timeMs: number;
  outputBytes: number;
  browser: TreeMemory;
  version: string;
};

export async function chromiumPrint(bin: string, html: string, pdf: string): Promise<PrintTimes> {
  const { chromium } = await import('playwright-core');
  // Sampled from before the launch: the browser's processes are this process's children.
  const memory = sampleTree(process.pid);
  const launched = performance.now();
  const browser = await chromium.launch({ executablePath: bin, args: CHROMIUM_ARGS });
  try {
    const version = browser.version();
    const page = await browser.newPage();
    page.setDefaultTimeout(0);
    const started = performance.now();
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    // Web fonts are loaded by the load event in practice; this makes sure before printing.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const loaded = performance.now();
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const printed = performance.now();
    return {
      launchMs: started - launched,
      loadMs: loaded - started,
      printMs: printed - loaded,
      timeMs: printed - started,
      outputBytes: (await stat(pdf)).size,
      browser: memory.stop(),
      version: `Chromium ${version}`,
    };
  } finally {
    memory.stop();
    await browser.close();
  }
}
