// bench/results.json: the latest figures of every benchmark, one section each, with the date and the
// machine they were measured on. Committed, so the README's figures can be traced to a run. Each
// benchmark replaces only its own section: `npm run bench:import` alone keeps the render figures.
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './run-child.ts';

export const RESULTS_JSON = path.join(ROOT, 'bench', 'results.json');

export const machine = () => ({
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  totalMemMiB: Math.round(os.totalmem() / 1024 / 1024),
});

/** Replaces `section` of bench/results.json with `data`, stamped with today's date and the machine. */
export async function recordResults(section: string, data: unknown): Promise<void> {
  const text = await readFile(RESULTS_JSON, 'utf8').catch(() => '{}');
  const all = JSON.parse(text) as Record<string, unknown>;
  all[section] = { date: new Date().toISOString(), machine: machine(), ...(data as object) };
  const sorted = Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(RESULTS_JSON, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(`Section "${section}" written to ${path.relative(ROOT, RESULTS_JSON)}`);
}
