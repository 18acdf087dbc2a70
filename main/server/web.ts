// `npm run web`: browser mode from a terminal — the renderer built if it is missing or older than
// its sources, the server started, one line with this run's address (token included), the address
// opened in the user's browser when there is one, and a clean stop on Ctrl+C or SIGTERM.
//   node --import tsx main/server/web.ts [--port N] [--no-open]
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_STATIC_ROOT, startServer, type RunningServer } from './server.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type WebArgs = { port?: number; open: boolean };

type Env = Record<string, string | undefined>;
type Lang = 'fr' | 'en';

/** The user's language as the terminal says it; English unless French. */
export const terminalLang = (env: Env): Lang =>
  /^fr/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'fr' : 'en';

/** `--port N` (or `--port=N`), `--no-open`; throws a sentence on anything else. */
export function parseWebArgs(argv: readonly string[], lang: Lang = 'en'): WebArgs {
  const args: WebArgs = { open: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--no-open') args.open = false;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const text = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      const port = Number(text);
      if (!text || !Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(
          lang === 'fr'
            ? `--port attend un numéro de port (0 à 65535), pas « ${text ?? ''} ».`
            : `--port takes a port number (0 to 65535), not "${text ?? ''}".`,
        );
      args.port = port;
    } else
      throw new Error(
        lang === 'fr'
          ? `Option inconnue « ${arg} » : web [--port N] [--no-open].`
          : `Unknown option "${arg}": web [--port N] [--no-open].`,
      );
  }
  return args;
}

/** The newest modification time among the renderer's sources and Vite's config (0 when none). */
export async function newestSourceTime(projectRoot: string): Promise<number> {
  let newest = 0;
  const look = async (path: string) => {
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) newest = Math.max(newest, info.mtimeMs);
  };
  await Promise.all(['vite.config.ts', 'index.html'].map((name) => look(join(projectRoot, name))));
  const entries = await readdir(join(projectRoot, 'renderer'), { recursive: true }).catch(() => []);
  await Promise.all(
    entries
      .filter((entry) => !entry.split(/[/\\]/).includes('node_modules'))
      .map((entry) => look(join(projectRoot, 'renderer', entry))),
  );
  return newest;
}

/** Whether the renderer must be built: no index.html yet, or one older than a source. */
export const needsBuild = (builtMs: number | undefined, newestSourceMs: number): boolean =>
  builtMs === undefined || builtMs < newestSourceMs;

/** `vite build` into dist/renderer (vite.config.ts says where); whether it succeeded. */
export function buildRenderer(projectRoot: string): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn('npx', ['vite', 'build', '--logLevel', 'warn'], {
      cwd: projectRoot,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    child.on('error', () => done(false));
    child.on('exit', (code) => done(code === 0));
  });
}

const onPath = (command: string, env: Env): boolean =>
  (env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

/**
 * How to open a URL in the user's browser here, or undefined when there is no browser to open: a
 * CI run, or a Linux session without a display — where xdg-open could start a text browser in the
 * very terminal that prints the address.
 */
export function browserCommand(
  platform: NodeJS.Platform,
  env: Env,
  has: (command: string) => boolean = (command) => onPath(command, env),
): { command: string; args: (url: string) => string[] } | undefined {
  if (env.CI && env.CI !== 'false' && env.CI !== '0') return undefined;
  if (platform === 'darwin') return { command: 'open', args: (url) => [url] };
  if (platform === 'win32') return { command: 'cmd', args: (url) => ['/c', 'start', '', url] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
  return has('xdg-open') ? { command: 'xdg-open', args: (url) => [url] } : undefined;
}

/** Opens `url` in a browser when one exists; silent either way. */
export function openInBrowser(url: string, platform = process.platform, env: Env = process.env): void {
  const browser = browserCommand(platform, env);
  if (!browser) return;
  try {
    const child = spawn(browser.command, browser.args(url), { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser after all: the printed address is enough.
  }
}

export type WebOptions = WebArgs & {
  projectRoot?: string;
  staticRoot?: string;
  /** Builds the renderer; tests pass a stub. */
  build?: (projectRoot: string) => Promise<boolean>;
  openUrl?: (url: string) => void;
  log?: (line: string) => void;
  env?: Env;
};

/** Builds the renderer when stale, starts browser mode, prints its address, opens it if asked. */
export async function startWeb(options: WebOptions = { open: true }): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const lang = terminalLang(env);
  const log = options.log ?? ((line: string) => console.log(line));
  const projectRoot = options.projectRoot ?? PROJECT_ROOT;
  const staticRoot = resolve(options.staticRoot ?? DEFAULT_STATIC_ROOT);
  const built = await stat(join(staticRoot, 'index.html')).catch(() => undefined);
  if (needsBuild(built?.mtimeMs, await newestSourceTime(projectRoot))) {
    log(lang === 'fr' ? 'Construction de l’interface…' : 'Building the user interface…');
    const ok = await (options.build ?? buildRenderer)(projectRoot);
    if (!ok)
      log(
        lang === 'fr'
          ? 'La construction de l’interface a échoué : la page le dira ; essayez « npm run build:ui ».'
          : 'Building the user interface failed: the page will say so; try "npm run build:ui".',
      );
  }
  const server = await startServer({
    staticRoot,
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  log(
    lang === 'fr'
      ? `Catalog Publisher, mode navigateur : ${server.url} (Ctrl+C pour arrêter)`
      : `Catalog Publisher, browser mode: ${server.url} (Ctrl+C to stop)`,
  );
  if (options.open) (options.openUrl ?? ((url) => openInBrowser(url, process.platform, env)))(server.url);
  return server;
}

/** The command line's entry: runs until SIGINT or SIGTERM. */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const lang = terminalLang(process.env);
  let args: WebArgs;
  try {
    args = parseWebArgs(argv, lang);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
    return;
  }
  const server = await startWeb(args);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
