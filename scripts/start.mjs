// `npm start`: the desktop window when the Electron runtime is installed; otherwise one line saying
// why not, and browser mode instead (main/server/web.ts prints its URL with the run's token).
// The runtime is missing whenever npm skipped Electron's binary download (ELECTRON_SKIP_BINARY_DOWNLOAD,
// or no network at install time): `require('electron')` then throws instead of returning its path.
// `--dry-run` prints what would run and runs nothing (the tests use it).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The Electron binary's path when the runtime is usable, else undefined. */
export function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const french = () => /^fr/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');

/** The one line said when the runtime is missing, in the user's language. */
export function missingRuntimeLine(env = process.env, fr = french()) {
  const skipped = Boolean(env.ELECTRON_SKIP_BINARY_DOWNLOAD);
  return fr
    ? `Environnement Electron absent (${skipped ? 'ELECTRON_SKIP_BINARY_DOWNLOAD est défini' : 'son binaire n’a pas été téléchargé à l’installation : ELECTRON_SKIP_BINARY_DOWNLOAD ou pas de réseau'}) : l’application s’ouvre en mode navigateur.`
    : `Electron runtime missing (${skipped ? 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' : 'its binary was not downloaded at install time: ELECTRON_SKIP_BINARY_DOWNLOAD or no network'}): starting browser mode instead.`;
}

const node = (args) => [process.execPath, args];
const WEB = node(['--import', 'tsx', join(ROOT, 'main', 'server', 'web.ts')]);
const VITE_BUILD = node([join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build']);
const APP_BUILD = node([join(ROOT, 'scripts', 'build-app.mjs')]);

function run([command, args]) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Runs a long-lived child in the foreground; its exit code becomes ours. */
function hand([command, args], env = process.env) {
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main() {
  const dryRun = process.argv.includes('--dry-run');
  const electron = electronBinary();
  if (!electron) {
    console.log(missingRuntimeLine());
    if (dryRun) return console.log(`would run: ${WEB.flat().join(' ')}`);
    return hand(WEB);
  }
  const launch = [electron, [ROOT, ...process.argv.slice(2).filter((a) => a !== '--dry-run')]];
  if (dryRun)
    return console.log(
      `would run: ${[VITE_BUILD, APP_BUILD, launch].map((c) => c.flat().join(' ')).join(' && ')}`,
    );
  run(VITE_BUILD);
  run(APP_BUILD);
  // Set in some shells and CI images; it would make the binary a plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  hand(launch, env);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
