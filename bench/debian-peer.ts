// Peers that come from Debian (WeasyPrint, LibreOffice, Chromium): found on the PATH, or installed
// with apt when the bench runs as root on Debian and they are missing. A peer that still cannot be
// found is reported missing by the bench, never faked.
import { execFileSync, spawnSync } from 'node:child_process';

export type Peer = { found: true; bin: string; version: string } | { found: false; why: string };

const onPath = (bin: string): boolean => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;

const tried = new Set<string>();

/**
 * `bin` (the first of `bins` on the PATH), installing `pkg` with apt once when none is there and we
 * are root. `versionArgs` are passed to read a one-line version for the results.
 */
export function debianPeer(bins: readonly string[], pkg: string, versionArgs = ['--version']): Peer {
  let bin = bins.find(onPath);
  if (!bin && process.getuid?.() === 0 && !tried.has(pkg) && onPath('apt-get')) {
    tried.add(pkg);
    console.log(`  installing ${pkg} with apt (the bench's peer)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
    spawnSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'ignore', env });
    bin = bins.find(onPath);
  }
  if (!bin) return { found: false, why: `${bins.join(' / ')} not found (Debian package ${pkg})` };
  let version = 'unknown version';
  try {
    version =
      execFileSync(bin, versionArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 })
        .trim()
        .split('\n')[0] ?? version;
  } catch {
    // A peer that runs but will not say its version is still a peer.
  }
  return { found: true, bin, version };
}
