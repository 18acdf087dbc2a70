// What the UI benchmark runs inside the page, and the figures it makes of it. The in-page code is
// kept as source text: tsx would wrap named functions in a `__name` helper the page does not have.
//
// Every time is an epoch in milliseconds with sub-millisecond precision (`timeOrigin + now()`), in
// the page as in node, so a click the page saw and a job the server stopped compare on one clock.
import type { Page } from 'playwright-core';

/** A preview picture the page finished drawing (renderer/preview/pdf-page-canvas.tsx sets data-drawn). */
export type Drawn = { t: number; value: string; step: string | undefined; live: boolean };
/** A user event the page saw (capture phase, before any handler). */
export type Seen = { t: number; type: string; target: string };

export const now = (): number => performance.timeOrigin + performance.now();

/**
 * Installed before the app's scripts: records every data-drawn change with the step it happened on,
 * and every click and change event, on the page's own clock.
 */
export const PROBES = `(() => {
  const clock = () => performance.timeOrigin + performance.now();
  const bench = { drawn: [], seen: [] };
  window.__bench = bench;
  new MutationObserver((records) => {
    const t = clock();
    for (const record of records) {
      const el = record.target;
      bench.drawn.push({
        t,
        value: el.getAttribute('data-drawn'),
        step: document.querySelector('main')?.dataset.step,
        live: Boolean(el.closest('.live-page')),
      });
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-drawn'] });
  for (const type of ['click', 'change'])
    document.addEventListener(type, (event) => {
      const el = event.target;
      bench.seen.push({ t: clock(), type, target: (el.getAttribute?.('aria-label') || el.textContent || el.tagName || '').trim().slice(0, 60) });
    }, true);
})()`;

/** The first picture drawn on `step` after `after` (epoch ms), waited for. */
export async function waitDrawn(page: Page, step: string, after: number, timeout = 120_000): Promise<Drawn> {
  // A function, not source text: the app's CSP forbids the eval a text predicate needs. It must stay
  // an anonymous arrow (see the top of this file).
  const handle = await page.waitForFunction(
    ([s, a]) =>
      (window as unknown as { __bench: { drawn: Drawn[] } }).__bench.drawn.find(
        (d) => d.step === s && d.t > a,
      ),
    [step, after] as const,
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as Drawn;
}

/** The last `type` event the page saw whose target starts with `target` (or any, when absent). */
export async function lastSeen(page: Page, type: string, target?: string): Promise<Seen | undefined> {
  const seen = (await page.evaluate('window.__bench.seen')) as Seen[];
  return seen.filter((s) => s.type === type && (!target || s.target.startsWith(target))).at(-1);
}

/**
 * From `from` (a share of its height), scrolls `selector`'s element by one screen every animation
 * frame for `ms`, then jumps to `to` and keeps watching for `afterMs`. Returns the frame timestamps
 * of each phase and, for a grid with rows still loading (`.checks-row.loading`), how long after the
 * jump the rows in view were all filled.
 */
export const SCROLL_LOOP = (
  selector: string,
  options: { from: number; to: number; ms: number; afterMs: number },
): string => `(async () => {
  const { from, to, ms, afterMs } = ${JSON.stringify(options)};
  const el = document.querySelector(${JSON.stringify(selector)});
  if (!el) throw new Error('no scroller ' + ${JSON.stringify(selector)});
  const step = el.clientHeight;
  el.scrollTop = Math.round(el.scrollHeight * from);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const loading = () => el.querySelectorAll('.checks-row.loading').length;
  const frames = [];
  const start = performance.now();
  await new Promise((resolve) => {
    const tick = (t) => {
      frames.push(t);
      if (t - start < ms) { el.scrollTop += step; requestAnimationFrame(tick); } else resolve();
    };
    requestAnimationFrame(tick);
  });
  const scrolledTo = el.scrollTop;
  const jumpAt = performance.now();
  el.scrollTop = Math.round(el.scrollHeight * to);
  const after = [];
  let filledAt;
  await new Promise((resolve) => {
    const tick = (t) => {
      after.push(t);
      // The frame's own timestamp can precede the jump: the clock is read here instead.
      if (filledAt === undefined && loading() === 0 && el.querySelectorAll('[role=row]').length > 1) filledAt = performance.now();
      if (t - jumpAt < afterMs) requestAnimationFrame(tick); else resolve();
    };
    requestAnimationFrame(tick);
  });
  return { frames, after, jumpAt, filledMs: filledAt === undefined ? null : filledAt - jumpAt, scrolledTo, jumpedTo: el.scrollTop, height: el.scrollHeight, step };
})()`;

export type ScrollRun = {
  frames: number[];
  after: number[];
  jumpAt: number;
  filledMs: number | null;
  scrolledTo: number;
  jumpedTo: number;
  height: number;
  step: number;
};

/** A page with nothing but a scroller as tall as the 100,000-row grid: this browser's frame budget. */
export const IDLE_PAGE = (height: number, scrollerHeight: number): string =>
  `<!doctype html><html><body style="margin:0"><div id="idle" style="height:${scrollerHeight}px;overflow:auto">` +
  `<div style="height:${height}px;background:linear-gradient(#fff,#eee)"></div></div></body></html>`;

/**
 * Starts sampling animation frames and the progress bar (its value and label) until `FRAMES_STOP`;
 * the page stays scriptable meanwhile.
 */
export const FRAMES_START = `(() => {
  const clock = () => performance.timeOrigin + performance.now();
  const sample = { frames: [], progress: [], running: true };
  window.__frames = sample;
  const tick = () => {
    const t = clock();
    sample.frames.push(t);
    const bar = document.querySelector('main progress');
    const label = document.querySelector('main .progress-label')?.textContent ?? null;
    const value = bar ? bar.getAttribute('value') : null;
    const last = sample.progress.at(-1);
    if (bar && (!last || last.value !== value || last.label !== label)) sample.progress.push({ t, value, label });
    if (sample.running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

export const FRAMES_STOP = `(() => { window.__frames.running = false; return window.__frames; })()`;

export type FrameSample = {
  frames: number[];
  progress: { t: number; value: string | null; label: string | null }[];
};

export type FrameStats = {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Share of frames that took more than 50 ms (a long task: input waits that long). */
  over50: number;
};

const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** Frame intervals from successive frame timestamps, pooled over runs (no interval across two runs). */
export function frameStats(...runs: (readonly number[])[]): FrameStats {
  const intervals: number[] = [];
  for (const stamps of runs)
    for (let i = 1; i < stamps.length; i++) intervals.push(stamps[i]! - stamps[i - 1]!);
  const sorted = [...intervals].sort((a, b) => a - b);
  return {
    frames: intervals.length,
    medianMs: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    maxMs: sorted.at(-1) ?? NaN,
    over50: intervals.length ? intervals.filter((x) => x > 50).length / intervals.length : NaN,
  };
}
