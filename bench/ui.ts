// `npm run bench:ui`: the app as a user meets it — the built renderer in browser mode, driven in
// Debian's Chromium — timed where a user waits, against the service doing the same work directly in
// the same run (the UI's overhead as a ratio), and frame times against an idle page (this browser's
// frame budget). A benchmark, not a test: nothing here passes or fails.
//
//   1. drop → first page: a 240-product workbook uploaded as a drop does, Sheet → Columns → Checks →
//      Layout (page 1 drawn live) → Preview (its page drawn); peer: the same `preview` job, warm.
//   2. refresh: a page setting changed on the Layout step of a ~20-page catalog, until the new page 1
//      is drawn; peer: the same `preview` job, and `plan` + `preview`, for the same settings.
//   3. scrolling the Checks grid on 100,000 rows, a screen per frame, then a jump; peer: the same
//      loop on an idle page.
//   4. a 10,000-product print PDF building: frames and progress in the page, then Cancel, until the
//      page says so and the server runs no job.
//
// Options: --repeat N (runs of 1 and peer calls, default 3), --refresh N (setting changes, 1–7,
// default 7), --only drop,refresh,scroll,build. The renderer is built from the working tree into
// .tmp/bench/renderer first, so the figures are of the code as it is.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { JobRequestInput } from '../main/service/index.ts';
import { common } from '../renderer/i18n/common.ts';
import { exportWords } from '../renderer/steps/export/strings.ts';
import { layout as layoutWords } from '../renderer/steps/layout/strings.ts';
import { openStrings } from '../renderer/steps/open/strings.ts';
import { launchChromium } from '../test/e2e/browser.ts';
import { BENCH_DIR, ensureLargeWorkbook } from './make-large-workbook.ts';
import { countOption, median, ROOT } from './run-child.ts';
import { fixed, grouped, renderTable, times } from './table.ts';
import {
  FRAMES_START,
  FRAMES_STOP,
  IDLE_PAGE,
  PROBES,
  SCROLL_LOOP,
  frameStats,
  lastSeen,
  now,
  waitDrawn,
  type FrameSample,
  type FrameStats,
  type ScrollRun,
} from './ui-page.ts';

const STATIC_ROOT = path.join(BENCH_DIR, 'renderer');
const RESULTS = path.join(BENCH_DIR, 'ui-results.json');
const VIEWPORT = { width: 1280, height: 800 };
const SCENARIOS = ['drop', 'refresh', 'scroll', 'build'] as const;
type Scenario = (typeof SCENARIOS)[number];

const words = {
  common: common.en,
  open: openStrings.en,
  layout: layoutWords.en,
  export: exportWords.en,
};

// ─── Options and set-up ───────────────────────────────────────────────────────────────────────────

const argv = process.argv.slice(2);
const repeat = countOption(argv, '--repeat', 3);
const refreshes = Math.min(7, countOption(argv, '--refresh', 7));
const onlyAt = argv.indexOf('--only');
const only = new Set<Scenario>(
  onlyAt < 0 ? SCENARIOS : (argv[onlyAt + 1]!.split(',').filter(Boolean) as Scenario[]),
);
for (const s of only) if (!SCENARIOS.includes(s)) throw new Error(`--only: unknown scenario ${s}`);

/** A config folder of its own for every page: no recovery banner, recent project or remembered mapping. */
const freshConfig = () => {
  process.env.CATALOG_CONFIG_DIR = mkdtempSync(path.join(os.tmpdir(), 'catalog-bench-ui-config-'));
};
freshConfig();
// Imported after the config folder is set, though each reads it when it is used.
const { startServer } = await import('../main/server/server.ts');
const { call, runJob } = await import('../main/service/index.ts');

const loadAvg = () => os.loadavg().map((x) => x.toFixed(2));
const load: { start: string[]; end?: string[] } = { start: loadAvg() };
const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : grouped(n));
const sleep = (n: number) => new Promise((resolve) => setTimeout(resolve, n));

console.log('Building the renderer (vite) into', path.relative(ROOT, STATIC_ROOT));
execFileSync(
  process.execPath,
  [
    path.join(ROOT, 'node_modules/vite/bin/vite.js'),
    'build',
    '--logLevel',
    'warn',
    '--outDir',
    STATIC_ROOT,
    '--emptyOutDir',
  ],
  { cwd: ROOT, stdio: 'inherit' },
);
const books = {
  small: await ensureLargeWorkbook(240),
  medium: await ensureLargeWorkbook(10_000),
  large: only.has('scroll') ? await ensureLargeWorkbook(100_000) : undefined,
};

const server = await startServer({ staticRoot: STATIC_ROOT });
const browser: Browser = await launchChromium();
console.log(
  `node ${process.version}, Chromium ${browser.version()} (headless, no GPU), ${os.cpus().length} × ` +
    `${os.cpus()[0]?.model ?? 'unknown CPU'}; load average ${load.start.join(' ')} at the start\n`,
);

// ─── The page ─────────────────────────────────────────────────────────────────────────────────────

/** A contract call the page made, with its request and when it went and came back (node's clock). */
type Call = { channel: string; body: unknown; sent: number; done?: number };

async function newPage(): Promise<{ page: Page; calls: Call[]; close(): Promise<void> }> {
  freshConfig();
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' });
  await context.addInitScript(PROBES);
  const page = await context.newPage();
  const calls: Call[] = [];
  const open = new Map<object, Call>();
  page.on('pageerror', (error) => console.warn('  page error:', error.message));
  page.on('request', (request) => {
    const channel = /\/api\/([\w-]+)$/.exec(new URL(request.url()).pathname)?.[1];
    if (!channel || request.method() !== 'POST') return;
    let body: unknown;
    try {
      body = channel === 'upload' ? undefined : request.postDataJSON();
    } catch {
      body = undefined;
    }
    const entry: Call = { channel, body, sent: now() };
    calls.push(entry);
    open.set(request, entry);
  });
  const finished = (request: object) => {
    const entry = open.get(request);
    if (entry) entry.done = now();
    open.delete(request);
  };
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  await page.goto(server.url);
  await page.waitForSelector('main[data-step="open"]');
  return { page, calls, close: () => context.close() };
}

const atStep = (page: Page, step: string, timeout = 60_000) =>
  page.waitForSelector(`main[data-step="${step}"]`, { timeout });
const next = (page: Page) =>
  page.locator('main .step-actions').getByRole('button', { name: words.common.next, exact: true }).click();

/** Waits until the server has run no job for `quietMs` (template thumbnails are drawn one by one). */
async function idle(quietMs = 1500, timeout = 120_000): Promise<void> {
  const until = now() + timeout;
  let quietSince = now();
  while (now() < until) {
    if (server.running().length) quietSince = now();
    else if (now() - quietSince >= quietMs) return;
    await sleep(20);
  }
  throw new Error(`jobs still running after ${timeout} ms: ${server.running().join(', ')}`);
}

/** The first finished call on `channel` sent after `after`, waited for. */
async function callDone(calls: Call[], channel: string, after: number, timeout = 300_000): Promise<Call> {
  const until = now() + timeout;
  while (now() < until) {
    const found = calls.find((c) => c.channel === channel && c.sent >= after && c.done !== undefined);
    if (found) return found;
    await sleep(20);
  }
  throw new Error(`no ${channel} answered within ${timeout} ms`);
}

/** Opens a workbook by its typed path and walks Sheet and Columns to Checks, validated unless told. */
async function openToChecks(
  page: Page,
  calls: Call[],
  file: string,
  validated = true,
): Promise<{ validatedMs: number }> {
  await page.getByLabel(words.open.typedPathLabel).fill(file);
  const t0 = now();
  await page.locator('main').getByRole('button', { name: words.open.typedPathOpen, exact: true }).click();
  await atStep(page, 'sheet', 300_000);
  await next(page);
  await atStep(page, 'mapping');
  await next(page);
  await atStep(page, 'checks');
  if (!validated) return { validatedMs: NaN };
  const answered = await callDone(calls, 'validate', t0, 600_000);
  return { validatedMs: answered.done! - t0 };
}

/** The page's calls as a reader wants them: channel, sent (ms after the first) and how long each took. */
const timeline = (calls: Call[]) =>
  calls.map((c) => ({
    channel: c.channel,
    atMs: Math.round(c.sent - calls[0]!.sent),
    ms: c.done === undefined ? undefined : Math.round(c.done - c.sent),
  }));

/** How long the first call on `channel` sent after `after` took (NaN when none finished). */
function callMs(calls: Call[], channel: string, after: number): number {
  const c = calls.find((x) => x.channel === channel && x.sent >= after);
  return c?.done === undefined ? NaN : c.done - c.sent;
}

/** Times `fn` `n` times in a row (a warm worker after the first). */
async function timed(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = now();
    await fn();
    out.push(now() - t);
  }
  return out;
}

const asJob = <N extends 'plan' | 'preview' | 'validate'>(_name: N, body: unknown) =>
  body as JobRequestInput<N>;
const withoutRange = (body: unknown) => {
  const { from: _f, to: _t, ...plan } = body as { from: number; to: number };
  return plan;
};

// ─── 1. Drop → first page ─────────────────────────────────────────────────────────────────────────

type DropRun = {
  toSheetMs: number;
  toChecksMs: number;
  validatedMs: number;
  layoutPageMs: number;
  uploadMs: number;
  /** The Layout step's preview call: sent → answered, answered → drawn. */
  previewCallMs: number;
  previewDrawMs: number;
  /** Next on Layout → the Preview step's page drawn (thumbnails finished first). */
  previewStepMs: number;
  /** The Preview step's two calls, sent together: its plan and its page. */
  stepPlanCallMs: number;
  stepPageCallMs: number;
};

async function dropRun(keepPage: boolean) {
  const { page, calls, close } = await newPage();
  const main = page.locator('main');
  const t0 = now();
  // What a drop hands the app is the same File the upload field gives: both end in receiveFile.
  await page.setInputFiles('input[type=file]', books.small.path);
  await atStep(page, 'sheet');
  const toSheet = now() - t0;
  await next(page);
  await atStep(page, 'mapping');
  await next(page);
  await atStep(page, 'checks');
  const toChecks = now() - t0;
  const validated = await callDone(calls, 'validate', t0);
  await next(page);
  const drawn = await waitDrawn(page, 'layout', t0);
  const preview = calls.find((c) => c.channel === 'preview' && c.sent >= t0)!;
  const upload = calls.find((c) => c.channel === 'upload')!;
  await idle();
  const click = now();
  await next(page);
  const previewDrawn = await waitDrawn(page, 'preview', click);
  const run: DropRun = {
    toSheetMs: toSheet,
    toChecksMs: toChecks,
    validatedMs: validated.done! - t0,
    layoutPageMs: drawn.t - t0,
    uploadMs: upload.done! - upload.sent,
    previewCallMs: preview.done! - preview.sent,
    previewDrawMs: drawn.t - preview.done!,
    previewStepMs: previewDrawn.t - click,
    stepPlanCallMs: callMs(calls, 'plan', click),
    stepPageCallMs: callMs(calls, 'preview', click),
  };
  await idle();
  if (!keepPage) await close();
  const requests = {
    open: calls.find((c) => c.channel === 'open')!.body,
    validate: validated.body,
    preview: preview.body,
  };
  return { run, requests, page: keepPage ? { page, calls, close, main } : undefined };
}

// ─── 2. Refresh after a setting change ────────────────────────────────────────────────────────────

/** Settings never shown before in this page (a page already drawn comes from the page's cache). */
const CHANGES: { label: string; pageSize?: string; orientation?: string }[] = [
  { label: 'A4 → A5', pageSize: 'A5' },
  { label: 'A5 → A3', pageSize: 'A3' },
  { label: 'A3 → Letter', pageSize: 'Letter' },
  { label: 'portrait → landscape', orientation: 'landscape' },
  { label: 'Letter → A5', pageSize: 'A5' },
  { label: 'A5 → A4', pageSize: 'A4' },
  { label: 'A4 → A3', pageSize: 'A3' },
];

type RefreshRun = {
  change: string;
  totalMs: number;
  /** Change → the call sent (the step's deliberate debounce), sent → answered, answered → drawn. */
  debounceMs: number;
  callMs: number;
  drawMs: number;
  pages?: number;
  request: unknown;
};

async function refreshRuns(page: Page, calls: Call[]): Promise<RefreshRun[]> {
  await page
    .locator('main .step-actions')
    .getByRole('button', { name: words.common.back, exact: true })
    .click();
  await atStep(page, 'layout');
  // Four by four: the 240 products fill about twenty pages (a group starts a page).
  let t = now();
  await page.getByLabel(words.layout.columns, { exact: true }).fill('4');
  await page.getByLabel(words.layout.rows, { exact: true }).fill('4');
  await waitDrawn(page, 'layout', t);
  await idle();
  const runs: RefreshRun[] = [];
  for (const change of CHANGES.slice(0, refreshes)) {
    t = now();
    if (change.pageSize)
      await page.getByLabel(words.layout.pageSize, { exact: true }).selectOption(change.pageSize);
    if (change.orientation)
      await page.getByLabel(words.layout.orientation, { exact: true }).selectOption(change.orientation);
    const drawn = await waitDrawn(page, 'layout', t);
    const changed = (await lastSeen(page, 'change'))!;
    const preview = calls.filter((c) => c.channel === 'preview' && c.sent >= t).at(-1)!;
    runs.push({
      change: change.label,
      totalMs: drawn.t - changed.t,
      debounceMs: preview.sent - changed.t,
      callMs: preview.done! - preview.sent,
      drawMs: drawn.t - preview.done!,
      request: preview.body,
    });
    await idle(800);
  }
  return runs;
}

// ─── 3. Scrolling the grid ────────────────────────────────────────────────────────────────────────

async function scrollRun() {
  const { page, calls, close } = await newPage();
  // Scrolled as soon as the grid shows, as a user does: the checks of 100,000 rows take minutes and
  // run meanwhile in a worker thread. The peer runs turn about with the grid, under the same load.
  const t0 = now();
  await openToChecks(page, calls, books.large!.path, false);
  await page.waitForSelector('.checks-grid .checks-row:not(.loading)', { timeout: 60_000 });
  const gridShownMs = now() - t0;
  // The peer: the same loop on a page with nothing else, as tall as the grid and as high.
  const peer = await browser.newPage({ viewport: VIEWPORT });
  const box = (await page.locator('.checks-grid').boundingBox())!;
  const height = (await page.evaluate("document.querySelector('.checks-grid').scrollHeight")) as number;
  await peer.setContent(IDLE_PAGE(height, Math.round(box.height)));
  const grid: ScrollRun[] = [];
  const idlePage: ScrollRun[] = [];
  const rowsBefore = calls.filter((c) => c.channel === 'rows').length;
  let checking = 0;
  // Turn about, so load from elsewhere on the machine falls on both alike. Each run starts and lands
  // on rows no run fetched before (3 s at a screen a frame covers about 4 % of 100,000 rows).
  for (let i = 0; i < repeat; i++) {
    const from = (0.9 * i) / repeat;
    const loop = { from, to: from + 0.3 / repeat + 0.1, ms: 3000, afterMs: 1500 };
    if (server.running().length) checking++;
    grid.push((await page.evaluate(SCROLL_LOOP('.checks-grid', loop))) as ScrollRun);
    idlePage.push((await peer.evaluate(SCROLL_LOOP('#idle', loop))) as ScrollRun);
  }
  const rowsCalls = calls.filter((c) => c.channel === 'rows').length - rowsBefore;
  await peer.close();
  await close();
  return { gridShownMs, checking, grid, idlePage, rowsCalls, calls: timeline(calls) };
}

// ─── 4. Building 10,000 products, then Cancel ─────────────────────────────────────────────────────

async function buildRun() {
  const { page, calls, close } = await newPage();
  const main = page.locator('main');
  const { validatedMs } = await openToChecks(page, calls, books.medium.path);
  let t = now();
  await next(page);
  await waitDrawn(page, 'layout', t, 180_000);
  t = now();
  await next(page);
  await waitDrawn(page, 'preview', t, 180_000);
  await next(page);
  await atStep(page, 'export');
  await idle();
  const preset = (name: string) => main.getByRole('checkbox', { name: new RegExp(`^${name}`) });
  await preset(words.export.preset.print.name).check();
  for (const other of ['screen', 'tagged', 'dataMerge'] as const)
    await preset(words.export.preset[other].name).uncheck();

  await page.evaluate(FRAMES_START);
  t = now();
  await main.getByRole('button', { name: words.export.build, exact: true }).click();
  const force = main.getByRole('button', { name: words.export.force });
  const progress = main.locator('.export-progress');
  // Cancel once the PDF is being drawn (pdfkit's long stretch, the hardest to stop), its bar has
  // moved, and at least three seconds after the build began; a refusal by the checks first is
  // answered with "build anyway", as a user making a proof would.
  const drawing = words.common.progress.pdf;
  let started = t;
  let refused = false;
  const limit = now() + 180_000;
  for (;;) {
    if (!refused && (await force.isVisible())) {
      refused = true;
      started = now();
      await force.click();
      continue;
    }
    const sample = (await page.evaluate('window.__frames')) as FrameSample;
    const values = new Set(
      sample.progress.filter((p) => p.t >= started && p.label?.startsWith(drawing)).map((p) => p.value),
    );
    if (now() - started >= 3000 && values.size >= 2) break;
    if (now() > limit) throw new Error('the build never drew two steps of its PDF');
    await sleep(50);
  }

  // The server is watched from before the click, so the moment it runs no job is not missed.
  let serverEmptyAt: number | undefined;
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      if (server.running().length === 0) {
        serverEmptyAt ??= now();
      } else serverEmptyAt = undefined;
      await sleep(2);
    }
  })();
  const runningBefore = server.running().length;
  await progress.getByRole('button', { name: words.common.cancel, exact: true }).click();
  const shownHandle = await page.waitForFunction(
    (stopped) =>
      [...document.querySelectorAll('main .banner')].some((b) => b.textContent?.includes(stopped)) &&
      !document.querySelector('main .export-progress')
        ? performance.timeOrigin + performance.now()
        : false,
    words.export.stopped,
    { polling: 'raf', timeout: 10_000 },
  );
  const shownAt = (await shownHandle.jsonValue()) as number;
  const until2 = now() + 10_000;
  while (serverEmptyAt === undefined && now() < until2) await sleep(5);
  watching = false;
  await watcher;
  const sample = (await page.evaluate(FRAMES_STOP)) as FrameSample;
  const clicked = (await lastSeen(page, 'click', words.common.cancel))!;
  await close();
  const during = sample.frames.filter((f) => f >= started && f <= clicked.t);
  return {
    validatedMs,
    refused,
    buildMsBeforeCancel: clicked.t - started,
    runningBefore,
    frames: frameStats(during),
    progress: sample.progress.filter((p) => p.t >= started),
    cancelShownMs: shownAt - clicked.t,
    cancelServerMs: serverEmptyAt === undefined ? undefined : Math.max(0, serverEmptyAt - clicked.t),
  };
}

// ─── Run ──────────────────────────────────────────────────────────────────────────────────────────

const results: Record<string, unknown> = {};
const lines: string[] = [];
const summary: Record<string, unknown> = {};

if (only.has('drop') || only.has('refresh')) {
  const runs: DropRun[] = [];
  let requests: Awaited<ReturnType<typeof dropRun>>['requests'] | undefined;
  let kept: Awaited<ReturnType<typeof dropRun>>['page'];
  const dropRepeat = only.has('drop') ? repeat : 1;
  for (let i = 1; i <= dropRepeat; i++) {
    process.stdout.write(`  drop → first page, run ${i}/${dropRepeat}… `);
    const last = i === dropRepeat && only.has('refresh');
    const out = await dropRun(last);
    runs.push(out.run);
    requests = out.requests;
    kept = out.page;
    console.log(`${ms(out.run.layoutPageMs)} ms`);
  }
  const req = requests!;
  const previewPeer = await timed(repeat, () => runJob('preview', asJob('preview', req.preview)));
  const chainPeer = await timed(repeat, async () => {
    const opened = await call('open', req.open);
    if (!opened.ok) throw new Error(opened.error.message.en);
    await runJob('validate', asJob('validate', req.validate));
    await runJob('preview', asJob('preview', req.preview));
  });
  const m = (pick: (r: DropRun) => number) => median(runs.map(pick))!;
  const drop = {
    runs,
    median: {
      toSheetMs: m((r) => r.toSheetMs),
      toChecksMs: m((r) => r.toChecksMs),
      validatedMs: m((r) => r.validatedMs),
      layoutPageMs: m((r) => r.layoutPageMs),
      uploadMs: m((r) => r.uploadMs),
      previewCallMs: m((r) => r.previewCallMs),
      previewDrawMs: m((r) => r.previewDrawMs),
      previewStepMs: m((r) => r.previewStepMs),
      stepPlanCallMs: m((r) => r.stepPlanCallMs),
      stepPageCallMs: m((r) => r.stepPageCallMs),
    },
    peer: {
      previewMs: median(previewPeer)!,
      chainMs: median(chainPeer)!,
      previewRuns: previewPeer,
      chainRuns: chainPeer,
    },
  };
  if (only.has('drop')) {
    results.drop = drop;
    const d = drop.median;
    lines.push(
      `1. Drop → first page: ${grouped(books.small.products)} products (${runs.length} runs, medians)\n`,
      renderTable(
        ['moment (from the drop)', 'ms'],
        [
          ['upload answered (upload call)', ms(d.uploadMs)],
          ['Sheet step shown (workbook open)', ms(d.toSheetMs)],
          ['Checks step shown', ms(d.toChecksMs)],
          ['checks answered (validate)', ms(d.validatedMs)],
          ['first page drawn on Layout', ms(d.layoutPageMs)],
          ['  of which the preview call', ms(d.previewCallMs)],
          ['  of which pdf.js drawing it', ms(d.previewDrawMs)],
          ['Preview step: Next → its page drawn', ms(d.previewStepMs)],
          ['  its plan call (sent with the page)', ms(d.stepPlanCallMs)],
          ['  its page call', ms(d.stepPageCallMs)],
        ],
        1,
      ),
      `\nper run, first page on Layout: ${runs.map((r) => ms(r.layoutPageMs)).join(' / ')} ms; Preview step's page: ` +
        `${runs.map((r) => ms(r.previewStepMs)).join(' / ')} ms (run 1 meets a server that has run nothing yet).`,
      `\npeer (service, same run, warm worker): preview job ${ms(drop.peer.previewMs)} ms; open + validate + ` +
        `preview ${ms(drop.peer.chainMs)} ms.`,
      `UI drop → first page = ${times(d.layoutPageMs / drop.peer.previewMs)} the preview job, ` +
        `${times(d.layoutPageMs / drop.peer.chainMs)} the service doing open + validate + preview; the page's ` +
        `preview call = ${times(d.previewCallMs / drop.peer.previewMs)} the job alone. The clicks are the ` +
        "benchmark's, made as soon as each step allows.\n",
    );
    summary.drop = {
      layoutPageMs: d.layoutPageMs,
      previewStepMs: d.previewStepMs,
      peerPreviewMs: drop.peer.previewMs,
      peerChainMs: drop.peer.chainMs,
      vsPreview: d.layoutPageMs / drop.peer.previewMs,
      vsChain: d.layoutPageMs / drop.peer.chainMs,
    };
  }

  if (only.has('refresh') && kept) {
    process.stdout.write(`  refresh after a setting change, ${refreshes} changes… `);
    const runs2 = await refreshRuns(kept.page, kept.calls);
    await kept.close();
    for (const r of runs2) {
      const preview = await runJob('preview', asJob('preview', r.request));
      r.pages = preview.pages;
    }
    const peers: { previewMs: number; planMs: number }[] = [];
    for (const r of runs2) {
      const previewMs = median(await timed(repeat, () => runJob('preview', asJob('preview', r.request))))!;
      const planMs = median(
        await timed(repeat, () => runJob('plan', asJob('plan', withoutRange(r.request)))),
      )!;
      peers.push({ previewMs, planMs });
    }
    console.log('done');
    const refresh = {
      runs: runs2.map(({ request: _r, ...r }, i) => ({ ...r, peer: peers[i] })),
      median: {
        totalMs: median(runs2.map((r) => r.totalMs))!,
        debounceMs: median(runs2.map((r) => r.debounceMs))!,
        callMs: median(runs2.map((r) => r.callMs))!,
        drawMs: median(runs2.map((r) => r.drawMs))!,
        peerPreviewMs: median(peers.map((p) => p.previewMs))!,
        peerPlanPreviewMs: median(peers.map((p) => p.planMs + p.previewMs))!,
      },
    };
    results.refresh = refresh;
    const r = refresh.median;
    lines.push(
      `2. Preview refresh after a setting change on the Layout step (${grouped(books.small.products)} products, ` +
        `4 × 4 grid, ${runs2.map((x) => x.pages).join('/')} pages)\n`,
      renderTable(
        ['change', 'total ms', 'debounce', 'call', 'draw', 'peer preview', 'peer plan+preview', 'vs preview'],
        refresh.runs.map((x) => [
          x.change,
          ms(x.totalMs),
          ms(x.debounceMs),
          ms(x.callMs),
          ms(x.drawMs),
          ms(x.peer!.previewMs),
          ms(x.peer!.planMs + x.peer!.previewMs),
          times(x.totalMs / x.peer!.previewMs),
        ]),
        1,
      ),
      `\nmedian: change → new page 1 drawn ${ms(r.totalMs)} ms (debounce ${ms(r.debounceMs)}, call ${ms(r.callMs)}, ` +
        `pdf.js ${ms(r.drawMs)}); peer preview job ${ms(r.peerPreviewMs)} ms, plan + preview ${ms(r.peerPlanPreviewMs)} ms ` +
        `→ UI ${times(r.totalMs / r.peerPreviewMs)} the preview job, ${times((r.totalMs - r.debounceMs) / r.peerPreviewMs)} ` +
        'without the debounce.\n',
    );
    summary.refresh = { ...r, vsPreview: r.totalMs / r.peerPreviewMs };
  }
}

if (only.has('scroll')) {
  process.stdout.write(`  scrolling the grid on ${grouped(books.large!.products)} rows, ${repeat} × 3 s… `);
  const s = await scrollRun();
  console.log('done');
  const pooled = (runs: ScrollRun[], pick: (r: ScrollRun) => number[]) => frameStats(...runs.map(pick));
  const stats = {
    grid: pooled(s.grid, (r) => r.frames),
    gridAfterJump: pooled(s.grid, (r) => r.after),
    idle: pooled(s.idlePage, (r) => r.frames),
    idleAfterJump: pooled(s.idlePage, (r) => r.after),
  };
  const perRun = s.grid.map((r) => frameStats(r.frames));
  const filled = s.grid.map((r) => r.filledMs).filter((x): x is number => x !== null);
  const open = s.calls.find((c) => c.channel === 'open');
  results.scroll = {
    ...stats,
    perRun,
    filledAfterJumpMs: s.grid.map((r) => r.filledMs),
    rowsCalls: s.rowsCalls,
    gridShownMs: s.gridShownMs,
    runsWhileChecking: s.checking,
    calls: s.calls.filter((c) => c.channel !== 'fileStatus'),
  };
  const row = (name: string, f: FrameStats) => [
    name,
    String(f.frames),
    fixed(f.medianMs, 1),
    fixed(f.p95Ms, 1),
    fixed(f.maxMs, 1),
    `${fixed(f.over50 * 100, 1)} %`,
  ];
  lines.push(
    `3. Scrolling the Checks grid: ${grouped(books.large!.products)} rows, a screen (${s.grid[0]!.step} px) per frame ` +
      `for 3 s, then a jump ~10 % further and 1.5 s more; ${repeat} runs on fresh rows, frames pooled\n`,
    renderTable(
      ['scroller', 'frames', 'median ms', 'p95 ms', 'max ms', '> 50 ms'],
      [
        row('grid, scrolling', stats.grid),
        row('grid, after the jump', stats.gridAfterJump),
        row('idle page, scrolling (peer)', stats.idle),
        row('idle page, after the jump', stats.idleAfterJump),
      ],
      1,
    ),
    `\ngrid median frame ${times(stats.grid.medianMs / stats.idle.medianMs)} the idle page's, p95 ` +
      `${times(stats.grid.p95Ms / stats.idle.p95Ms)}; per run p95 ${perRun.map((f) => fixed(f.p95Ms, 0)).join(' / ')} ms, ` +
      `> 50 ms ${perRun.map((f) => `${fixed(f.over50 * 100, 0)} %`).join(' / ')}. Rows in view filled ` +
      `${filled.map((x) => ms(x)).join(' / ')} ms after the jump (${s.rowsCalls} rows calls in all).`,
    `The grid showed ${ms(s.gridShownMs)} ms after the path was typed (open ${ms(open?.ms)} ms); the checks were ` +
      `still running in a worker during ${s.checking} of ${repeat} runs (they take minutes on 100,000 rows).\n`,
  );
  summary.scroll = {
    medianMs: stats.grid.medianMs,
    p95Ms: stats.grid.p95Ms,
    maxMs: stats.grid.maxMs,
    over50: stats.grid.over50,
    idleMedianMs: stats.idle.medianMs,
    idleP95Ms: stats.idle.p95Ms,
    filledAfterJumpMs: median(filled),
    openMs: open?.ms,
    runsWhileChecking: s.checking,
  };
}

if (only.has('build')) {
  process.stdout.write(`  building ${grouped(books.medium.products)} products, then Cancel… `);
  const b = await buildRun();
  console.log('done');
  results.build = b;
  const values = [...new Set(b.progress.map((p) => p.value).filter((v) => v !== null))];
  const labels = [...new Set(b.progress.map((p) => p.label?.replace(/\d+ \/ \d+/, 'n / N')))];
  const cancelMs = Math.max(b.cancelShownMs, b.cancelServerMs ?? Infinity);
  lines.push(
    `4. A print PDF of ${grouped(books.medium.products)} products building (${b.refused ? 'refused by the checks, then built anyway' : 'not refused'}), ` +
      `cancelled ${fixed(b.buildMsBeforeCancel / 1000, 1)} s after it began, while the PDF was drawn\n`,
    renderTable(
      ['during the build', 'frames', 'median ms', 'p95 ms', 'max ms', '> 50 ms'],
      [
        [
          'page frames',
          String(b.frames.frames),
          fixed(b.frames.medianMs, 1),
          fixed(b.frames.p95Ms, 1),
          fixed(b.frames.maxMs, 1),
          `${fixed(b.frames.over50 * 100, 1)} %`,
        ],
      ],
      1,
    ),
    `\nprogress: the bar took ${values.length} values through the stages ${labels.join(' → ')}.`,
    `Cancel → page shows "${words.export.stopped}" ${ms(b.cancelShownMs)} ms; → server runs no job ` +
      `${ms(b.cancelServerMs)} ms (${b.runningBefore} running before): both within ${ms(cancelMs)} ms ` +
      `(${cancelMs < 1000 ? 'under' : 'NOT under'} a second).\n`,
  );
  summary.build = {
    frames: b.frames,
    progressValues: values.length,
    cancelShownMs: b.cancelShownMs,
    cancelServerMs: b.cancelServerMs,
  };
}

await browser.close();
await server.close();
load.end = loadAvg();

console.log(`\n${lines.join('\n')}`);
console.log(
  `Load average ${load.start.join(' ')} at the start, ${load.end.join(' ')} at the end (1, 5, 15 min; ` +
    `${os.cpus().length} cores). Times are epochs on one clock shared by the page and node; frames are ` +
    'requestAnimationFrame intervals in the page.',
);
await writeFile(
  RESULTS,
  `${JSON.stringify({ date: new Date().toISOString(), load, repeat, results }, null, 2)}\n`,
);
console.log(`Results written to ${path.relative(ROOT, RESULTS)}`);
console.log(JSON.stringify({ bench: 'ui', date: new Date().toISOString(), load, ...summary }));
