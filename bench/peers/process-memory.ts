// Peak memory of a process tree, sampled from /proc: a browser is several processes (the browser,
// a renderer, a GPU and utility processes), and no single maxRSS covers them. Linux only.
//
// RSS summed over processes counts pages they share once per process (an upper bound); PSS
// (smaps_rollup) splits each shared page between its users, so its sum is the tree's real footprint.
// Both are sampled; a peak shorter than the interval can be missed, which makes these lower bounds
// of the true peaks.
import { readdirSync, readFileSync } from 'node:fs';

export type TreeMemory = {
  /** Highest sum of VmRSS over the tree's processes in one sample. */
  peakRssKiB: number;
  /** Highest sum of Pss over the tree's processes in one sample. */
  peakPssKiB: number;
  /** Most processes seen in one sample. */
  processes: number;
  samples: number;
};

const read = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // the process ended between listing and reading
  }
};

/** Every process whose ancestry reaches `root` (not `root` itself). */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (!stat) continue;
    // The command name is in parentheses and may hold spaces: fields start after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length)
    for (const child of children.get(queue.shift()!) ?? []) {
      out.push(child);
      queue.push(child);
    }
  return out;
}

const kib = (text: string | undefined, field: string): number => {
  const match = text?.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return match ? Number(match[1]) : 0;
};

/** VmRSS of `root` and all its descendants now, in KiB (0 once they are gone, or without /proc). */
export function treeRssKiB(root: number): number {
  let pids: number[];
  try {
    pids = [root, ...descendants(root)];
  } catch {
    return 0;
  }
  let total = 0;
  for (const pid of pids) total += kib(read(`/proc/${pid}/status`), 'VmRSS');
  return total;
}

/** Samples the descendants of `root` every `everyMs` until `stop()`, which returns the peaks. */
export function sampleTree(root: number, everyMs = 200): { stop(): TreeMemory } {
  const memory: TreeMemory = { peakRssKiB: 0, peakPssKiB: 0, processes: 0, samples: 0 };
  const sample = (): void => {
    const pids = descendants(root);
    let rss = 0;
    let pss = 0;
    for (const pid of pids) {
      rss += kib(read(`/proc/${pid}/status`), 'VmRSS');
      pss += kib(read(`/proc/${pid}/smaps_rollup`), 'Pss');
    }
    memory.peakRssKiB = Math.max(memory.peakRssKiB, rss);
    memory.peakPssKiB = Math.max(memory.peakPssKiB, pss);
    memory.processes = Math.max(memory.processes, pids.length);
    memory.samples++;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return memory;
    },
  };
}
