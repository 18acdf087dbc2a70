// Peer: WeasyPrint (Debian package) printing the HTML catalog, `weasyprint in.html out.pdf`, under
// `/usr/bin/time -v` when it is there, for the process's own maxRSS (WeasyPrint is one process);
// otherwise its RSS is sampled from /proc. The clock covers the whole command, Python's start-up
// included (about half a second here, said in the README).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { sampleTree } from './process-memory.ts';

const GNU_TIME = '/usr/bin/time';

export type WeasyTimes = {
  timeMs: number;
  outputBytes: number;
  /** WeasyPrint's own peak RSS: from GNU time's "Maximum resident set size", else sampled. */
  peakRssKiB: number;
  rssFrom: 'gnu-time' | 'proc-sampling';
};

export async function weasyPrint(bin: string, html: string, pdf: string): Promise<WeasyTimes> {
  const timed = existsSync(GNU_TIME);
  const [command, args] = timed ? [GNU_TIME, ['-v', bin, html, pdf]] : [bin, [html, pdf]];
  const memory = sampleTree(process.pid, 250);
  const started = performance.now();
  const stderr = await new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let text = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      // WeasyPrint warns per unsupported property; keep the tail, where time -v writes.
      text = (text + chunk).slice(-20_000);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`weasyprint exited with ${code}: ${text.slice(-500)}`)),
    );
  });
  const timeMs = performance.now() - started;
  const sampled = memory.stop();
  const gnu = stderr.match(/Maximum resident set size \(kbytes\): (\d+)/);
  return {
    timeMs,
    outputBytes: (await stat(pdf)).size,
    peakRssKiB: gnu ? Number(gnu[1]) : sampled.peakRssKiB,
    rssFrom: gnu ? 'gnu-time' : 'proc-sampling',
  };
}
