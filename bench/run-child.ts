// The parent's side of every benchmark: runs one contender in a child process of its own and reads
// the one line of JSON it prints last. See measure.ts for why each measurement gets its own process.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIB = 1024 * 1024;

/** Wall-clock time of the whole child, start-up and module loading included. */
export type Timed<R> = R & { processMs: number };

/**
 * Runs `node --expose-gc --import tsx <script> ...args` and returns its report. A child that dies
 * (killed for lack of memory, a native crash) gives `failed(message)` instead: a result worth
 * printing, not a reason to stop the benchmark.
 */
export function runChild<R>(script: string, args: readonly string[], failed: (error: string) => R): Timed<R> {
  const started = performance.now();
  try {
    const stdout = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      // The child's warnings and errors go straight to the terminal; stdout carries the report.
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * MIB,
    });
    const last = stdout.trim().split('\n').at(-1) ?? '';
    return { ...(JSON.parse(last) as R), processMs: performance.now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    // How it died says more than "Command failed": SIGKILL is usually the OOM killer, 134 V8's abort.
    const status = error instanceof Error && 'status' in error ? error.status : undefined;
    const signal = error instanceof Error && 'signal' in error ? error.signal : undefined;
    const how =
      typeof signal === 'string'
        ? ` (signal ${signal})`
        : typeof status === 'number'
          ? ` (exit code ${status})`
          : '';
    return { ...failed(message + how), processMs: performance.now() - started };
  }
}

/** `--name N` as a positive whole number, `fallback` when absent. */
export function countOption(argv: readonly string[], name: string, fallback: number): number {
  const at = argv.indexOf(name);
  if (at < 0) return fallback;
  const n = Number(argv[at + 1]);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${name} needs a positive whole number, got ${argv[at + 1]}`);
  return n;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const range = (values: readonly number[]): [number, number] => [
  Math.min(...values),
  Math.max(...values),
];

/** The figures a contender is compared on, and the ratios to its reference filled in by `addRatios`. */
export type Compared = {
  contender: string;
  timeMs?: number;
  peakRssMiB?: number;
  netRssMiB?: number;
  vsReference?: { time: number; peakRss: number; netRss?: number };
};

/** Ratios of time and memory to each summary's reference (the baseline child is never compared). */
export function addRatios<S extends Compared>(summaries: S[], referenceOf: (s: S) => S | undefined): S[] {
  for (const s of summaries) {
    const reference = referenceOf(s);
    if (s.contender === 'baseline' || !reference?.timeMs || !s.timeMs) continue;
    s.vsReference = {
      time: s.timeMs / reference.timeMs,
      peakRss: s.peakRssMiB! / reference.peakRssMiB!,
      ...(s.netRssMiB !== undefined && reference.netRssMiB
        ? { netRss: s.netRssMiB / reference.netRssMiB }
        : {}),
    };
  }
  return summaries;
}
